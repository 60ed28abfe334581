// The server's version, from the manifest it ships in, for `serverInfo`, logs and the status.
import { version } from '../../package.json';

export const serverVersion: string = version;
