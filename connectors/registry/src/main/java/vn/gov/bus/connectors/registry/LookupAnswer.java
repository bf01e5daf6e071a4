package vn.gov.bus.connectors.registry;

import java.time.Duration;
import java.time.Instant;

/**
 * The bus's answer to a lookup.
 *
 * @param source    REGISTRY (asked just now) or CACHE
 * @param stale     the cached answer is past its lifetime and was given because the registry
 *                  could not be asked
 * @param fetchedAt when the registry gave this answer
 * @param age       how old the answer is
 */
public record LookupAnswer(Enterprise enterprise, Source source, boolean stale, Instant fetchedAt, Duration age) {

    public enum Source { REGISTRY, CACHE }
}
