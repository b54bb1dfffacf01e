export * from './common';
export * from './core';
export * from './processes';
export * from './stars';
