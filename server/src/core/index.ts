/** The pure analysis core: no vscode, no LSP connection, no file system. */
export * from './text';
export * from './model';
export * from './parse';
export * from './rule';
export * from './registry';
export * from './config';
export * from './lint';
export * from './segment';
export * from './numerals';
export { allRules, createRegistry } from './rules';
export * from './placeholders';
