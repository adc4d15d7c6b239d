export * from './result';
export * from './contact';
export * from './address';
export * from './quantity';
export * from './yes-no';
export * from './codes';
export { numberFromWords } from '../../catalog/query/number-words';
export * from './cart-edit';
