// An engine plugin with no engines, for the Code Analyzer engines bench/peer.sh does not run.
exports.createEnginePlugin = function () {
  return {
    getApiVersion: () => 1.0,
    getAvailableEngineNames: () => [],
    describeEngineConfig: () => ({}),
    createEngineConfig: async () => ({}),
    createEngine: async (name) => { throw new Error(`engine ${name} is not installed`); },
  };
};
