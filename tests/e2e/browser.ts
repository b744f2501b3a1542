// The end-to-end tests' harness is the one npm start and the benchmark use.
export * from '../../cli/browser';
