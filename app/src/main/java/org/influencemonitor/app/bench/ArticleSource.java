package org.influencemonitor.app.bench;

import java.time.Instant;
import org.influencemonitor.model.Article;

/** A numbered sequence of articles to load into {@code articles.raw}; article {@code i} is the same every time. */
interface ArticleSource {
    long articles();

    Article article(long i, Instant ingestedAt);

    /** The article JSON values' total size as serialized, before compression. */
    long serializedBytes();

    /** How full the fullest event-time window is, as shown in the table. */
    String population();
}
