/**
 * Downloads: {@link org.splicecbm.hub.HubClient} (Hugging Face URLs and cache layout) and
 * {@link org.splicecbm.hub.UrlFetcher} (plain URLs) share one core ({@link org.splicecbm.hub.Downloader}: resume,
 * retry, checksum, progress). Below {@code backbone}, {@code concepts} and {@code data}; uses {@code store} and {@code progress}.
 */
package org.splicecbm.hub;
