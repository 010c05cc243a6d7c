/** Workshop mode: storylines, predictions, keys, playback and levers. Pure: no DOM. */
export * from './predict';
export * from './storyline';
export * from './keys';
export * from './playback';
export * from './levers';
export * from './steps';
