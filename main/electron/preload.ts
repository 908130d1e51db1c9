/**
 * Preload for every Omnitill window. Runs sandboxed, so it may only require 'electron': the build
 * bundles it, with what it imports, into one CommonJS file (dist/electron/preload.cjs).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preload-api';

contextBridge.exposeInMainWorld('omnitill', createPreloadApi(ipcRenderer));
