// A file shipped with the extension (a built-in definition): its name, the uri the server gives
// it, and its text exactly as shipped, so that ranges into it are the file's own.
export interface ShippedFile {
  /** The file name, `twilio.integration.json`. */
  name: string;
  uri: string;
  text: string;
}
