#include "listens/externaltracklinker.h"

#include "core/matchkey.h"
#include "core/textfold.h"
#include "store/database.h"
#include "store/externaltrackstore.h"
#include "store/sqlerror.h"

#include <QHash>

namespace encore {

ExternalTrackLinker::ExternalTrackLinker(QSqlDatabase db) : db_(std::move(db)) {}

Result<LinkReport> ExternalTrackLinker::run(const std::atomic<bool>* cancel) {
    ScopedTransaction transaction(db_, cancel);
    if (!transaction.begun())
        return Error{QStringLiteral("Starting to link history to the library failed: %1")
                         .arg(transaction.error())};
    LinkReport report;
    const Result<int> filled = fillMatchKeys();
    if (!filled)
        return Error{filled.error()};
    report.keys_filled = filled.value();
    const Result<int> linked = linkExternalTracks();
    if (!linked)
        return Error{linked.error()};
    report.tracks_linked = linked.value();
    const Status committed = transaction.commit();
    if (!committed)
        return Error{committed.error()};
    return report;
}

Result<int> ExternalTrackLinker::fillMatchKeys() {
    ExternalTrackStore store(db_);
    const Result<QList<MatchableTrack>> keyless = store.tracksWithoutMatchKey();
    if (!keyless)
        return Error{keyless.error()};
    QList<QPair<TrackId, QString>> keys;
    keys.reserve(keyless->size());
    for (const MatchableTrack& t : keyless.value())
        keys.append({t.id, matchKey(t.artist, t.title)});
    const Status written = store.setMatchKeys(keys);
    if (!written)
        return Error{written.error()};
    return int(keys.size());
}

Status ExternalTrackLinker::updateMatchKeys(const QList<TrackId>& ids) {
    ExternalTrackStore store(db_);
    const Result<QList<MatchableTrack>> tracks = store.tracksById(ids);
    if (!tracks)
        return Error{tracks.error()};
    QList<QPair<TrackId, QString>> keys;
    for (const MatchableTrack& t : tracks.value())
        keys.append({t.id, matchKey(t.artist, t.title)});
    return store.setMatchKeys(keys);
}

Result<int> ExternalTrackLinker::linkExternalTracks() {
    ExternalTrackStore store(db_);
    const Result<QList<LinkCandidate>> candidates = store.linkCandidates();
    if (!candidates)
        return Error{candidates.error()};
    // Per external track: the library track on the same album if any, else the lowest id.
    QHash<TrackId, LinkCandidate> chosen;
    for (const LinkCandidate& c : candidates.value()) {
        const auto it = chosen.find(c.external_id);
        if (it == chosen.end()) {
            chosen.insert(c.external_id, c);
            continue;
        }
        const QString wanted = foldForComparison(c.external_album);
        if (!wanted.isEmpty() && foldForComparison(it->library_album) != wanted &&
            foldForComparison(c.library_album) == wanted)
            *it = c;
    }
    QList<QPair<TrackId, TrackId>> links;
    for (const LinkCandidate& c : chosen)
        links.append({c.external_id, c.library_id});
    const Status merged = store.merge(links);
    if (!merged)
        return Error{merged.error()};
    return int(links.size());
}

}  // namespace encore
