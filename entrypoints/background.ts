export default defineBackground(() => {
  // Placeholder: the engine host is wired in by lib/engine-host.
});
