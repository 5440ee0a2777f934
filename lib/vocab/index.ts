export * from './organs';
export * from './species';
export * from './terms';
