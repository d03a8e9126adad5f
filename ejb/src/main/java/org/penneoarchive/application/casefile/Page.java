package org.penneoarchive.application.casefile;

import java.util.List;

/** A page of a list, as CONTRACT.md shapes lists: items, page (from 0), size, total. */
public record Page<T>(List<T> items, int page, int size, long total) {}
