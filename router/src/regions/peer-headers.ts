/** The headers routers of different regions exchange: a hop, a claim, and where a caller came in. */

/** The shared secret of the regions' routers: a request carrying it comes from a peer router. */
export const PEER_SECRET_HEADER = "x-hl-peer-secret";
/** The region whose router sent a hop or a claim. */
export const PEER_REGION_HEADER = "x-hl-peer-region";
/** On a hopped response: the region the caller reached first. */
export const ENTRY_REGION_HEADER = "x-hl-entry-region";
