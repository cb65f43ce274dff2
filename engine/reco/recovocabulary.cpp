#include "reco/recovocabulary.h"

#include <QDataStream>
#include <QIODevice>

namespace encore {

namespace {

constexpr quint32 kVocabularyMagic = 0x52564f43;  // "RVOC"
constexpr quint32 kVocabularyVersion = 1;

template <typename Key>
int32_t addTo(QHash<Key, int32_t>& index, QVector<Key>& keys, const Key& key, int32_t first = 0) {
    const auto it = index.constFind(key);
    if (it != index.constEnd())
        return it.value();
    const auto next = static_cast<int32_t>(keys.size()) + first;
    index.insert(key, next);
    keys.append(key);
    return next;
}

// Rebuilds a key -> index map from the key list; false when a key repeats (corrupt blob).
template <typename Key>
bool reindex(const QVector<Key>& keys, QHash<Key, int32_t>& index, int32_t first = 0) {
    index.clear();
    index.reserve(keys.size());
    for (int32_t i = 0; i < static_cast<int32_t>(keys.size()); ++i) {
        if (index.contains(keys[i]))
            return false;
        index.insert(keys[i], i + first);
    }
    return true;
}

}  // namespace

int32_t RecoVocabulary::addTrack(TrackId id) {
    return addTo(tracks_, track_ids_, id);
}

int32_t RecoVocabulary::addProfile(ProfileId id) {
    return addTo(profiles_, profile_ids_, id);
}

int32_t RecoVocabulary::addArtist(const QString& key) {
    return key.isEmpty() ? kMissing : addTo(artists_, artist_keys_, key);
}

int32_t RecoVocabulary::addGenre(const QString& key) {
    return key.isEmpty() ? kMissing : addTo(genres_, genre_keys_, key);
}

int32_t RecoVocabulary::addToken(const QString& token) {
    return token.isEmpty() ? kMissing : addTo(tokens_, token_keys_, token, 1);
}

QByteArray RecoVocabulary::serialize() const {
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kVocabularyMagic << kVocabularyVersion << track_ids_ << profile_ids_ << artist_keys_
        << genre_keys_ << token_keys_;
    return bytes;
}

namespace {

// QDataStream's own list reading reserves whatever count the bytes claim (a damaged or crafted
// checkpoint: 2^31 strings, 44 GB, found by fuzzing); a count that the bytes left cannot hold
// is refused before anything is allocated. Every item takes at least `minBytes` in the stream.
template <typename List>
bool readList(QDataStream& in, List& list, qint64 minBytes) {
    quint32 count = 0;
    in >> count;
    if (in.status() != QDataStream::Ok || qint64(count) * minBytes > in.device()->bytesAvailable())
        return false;
    list.clear();
    list.reserve(qsizetype(count));
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        typename List::value_type item{};
        in >> item;
        list.append(std::move(item));
    }
    return in.status() == QDataStream::Ok;
}

}  // namespace

Result<RecoVocabulary> RecoVocabulary::deserialize(const QByteArray& bytes) {
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0, version = 0;
    in >> magic >> version;
    if (magic != kVocabularyMagic || version != kVocabularyVersion)
        return Error{QStringLiteral("the vocabulary part is not a version %1 recommender "
                                    "vocabulary")
                         .arg(kVocabularyVersion)};
    RecoVocabulary v;
    constexpr qint64 kIdBytes = 8, kStringBytes = 4;  // a qint64; a QString's length
    const bool read =
        readList(in, v.track_ids_, kIdBytes) && readList(in, v.profile_ids_, kIdBytes) &&
        readList(in, v.artist_keys_, kStringBytes) && readList(in, v.genre_keys_, kStringBytes) &&
        readList(in, v.token_keys_, kStringBytes);
    if (!read || !in.atEnd())
        return Error{QStringLiteral("the vocabulary part is truncated or has trailing bytes")};
    if (!reindex(v.track_ids_, v.tracks_) || !reindex(v.profile_ids_, v.profiles_) ||
        !reindex(v.artist_keys_, v.artists_) || !reindex(v.genre_keys_, v.genres_) ||
        !reindex(v.token_keys_, v.tokens_, 1))
        return Error{QStringLiteral("the vocabulary part lists an item twice")};
    return v;
}

}  // namespace encore
