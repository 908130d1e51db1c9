/**
 * The two IPC channels between the preload and the main process. One channel for all commands
 * (the command name travels as data and is checked against the contract) keeps the surface the
 * renderer can reach exactly as wide as DeviceCommands, with a single place to validate it.
 */
export const INVOKE_CHANNEL = 'omnitill:invoke';
export const EVENT_CHANNEL = 'omnitill:event';
