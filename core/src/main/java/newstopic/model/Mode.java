package newstopic.model;

/** How a model decides labels. Immutable and thread-safe, like every enum. */
public enum Mode {
    /** Each label decided on its own: any number of labels per article, possibly none. */
    MULTI,
    /** Exactly one label per article: the most probable one (classic topic benchmarks). */
    SINGLE
}
