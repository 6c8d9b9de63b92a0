package org.medins;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the results of one policy share, keyed by native address: the assumed values they cite,
 * read once each (eight native calls and five strings a value), and the strings of their lines
 * (rule ids, sources, citations, file names), made once each. Both live in the policy or the
 * library, never in a result, so an address stays theirs as long as the policy can be used.
 * Threads may settle at once.
 */
final class Shared {
    final Map<Long, PolicyValue> values = new ConcurrentHashMap<>();
    final Map<Long, String> strings = new ConcurrentHashMap<>();
}
