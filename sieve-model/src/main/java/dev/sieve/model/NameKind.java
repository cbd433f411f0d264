package dev.sieve.model;

/** How a name relates to its entity, as the list publishes it. */
public enum NameKind {
    /** The name the list files the entity under. */
    PRIMARY,
    /** Also known as. */
    ALIAS,
    /** Formerly known as. */
    FORMER
}
