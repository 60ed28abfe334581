// The benchmark inputs, each generated from a fixed seed with sizes set by flags.
export { generateDefinitionFile } from './definitionFile';
export type { DefinitionFile, DefinitionFileOptions } from './definitionFile';
export { generateFlowFile, jsonOfSize } from './flowFile';
export type { FlowFile, FlowFileOptions } from './flowFile';
export { generateFlowFile42 } from './flowFile42';
export { generatePatternFile } from './patternFile';
export type { PatternFile, PatternFileOptions } from './patternFile';
export { writeWorkspace } from './workspace';
export type { GeneratedWorkspace, WorkspaceOptions } from './workspace';
