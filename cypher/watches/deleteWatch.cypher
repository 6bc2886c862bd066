// Removes a watch and every delivery of it, pending or not; returns the watch as it was (no row when there was none). The watch is locked first: a dispatcher recording a delivery for it (which locks it too) commits before, or finds it gone.
MATCH (w:Watch {id: $p.id})
WITH w, w {.*} AS watch
SET w._lock = true
WITH w, watch
CALL (w) {
  MATCH (d:Delivery {watchId: w.id})
  DETACH DELETE d
}
DETACH DELETE w
RETURN watch
