/**
 * Quiver's thin API: the columnar data model, the four service-provider interfaces (Cache, FeatureKernel,
 * Backtester, Store) and the one provider-discovery helper they all use. Depends on the JDK alone.
 */
module dev.quiver.api {

    exports dev.quiver.api.table;
    exports dev.quiver.api.io;
    exports dev.quiver.api.provider;
    exports dev.quiver.api.param;
    exports dev.quiver.api.cache;
    exports dev.quiver.api.feature;
    exports dev.quiver.api.backtest;
    exports dev.quiver.api.store;

    uses dev.quiver.api.cache.CacheProvider;
    uses dev.quiver.api.feature.FeatureKernelProvider;
    uses dev.quiver.api.feature.PlanExecutor;
    uses dev.quiver.api.backtest.BacktesterProvider;
    uses dev.quiver.api.store.StoreProvider;
}
