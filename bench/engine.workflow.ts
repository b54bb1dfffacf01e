// The engine side of `npm run bench`: the product's review-case workflow, bundled with the product's bundler options.
export { reviewCase } from '../workflows/src/review-case.workflow';
