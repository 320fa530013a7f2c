"""Model → Ibis expressions: the only place that knows how rules become relational algebra."""
