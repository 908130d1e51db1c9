export { toDisplayAscii } from './ascii-transliterate';
export { FakePoleDisplay } from './fake-pole-display';
export { PoleDisplay } from './pole-display';
export type { CustomerDisplayAdapter, DisplayCodeTable, PoleDisplayOptions } from './pole-display';
export * as poleDisplayCommands from './pole-display-commands';
export {
  DEFAULT_POLE_MESSAGES,
  centerLine,
  fitLine,
  layoutPoleDisplay,
  leftRight,
} from './pole-display-layout';
export type { DisplayLocale, LayoutOptions, PoleDisplayMessages } from './pole-display-layout';
