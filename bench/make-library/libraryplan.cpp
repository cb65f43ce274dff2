#include "libraryplan.h"

#include <QHash>
#include <QSet>

#include <cmath>

namespace encore::bench {

namespace {

// splitmix64: tiny, fast and the same on every platform (std distributions are not).
class Rng {
public:
    explicit Rng(quint64 seed) : state_(seed * 0x9E3779B97F4A7C15ull + 1) {}
    quint64 next() {
        quint64 z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    int range(int lo, int hi) { return lo + int(next() % quint64(hi - lo + 1)); }
    template <typename T>
    const T& pick(const QList<T>& list) {
        return list[int(next() % quint64(list.size()))];
    }

private:
    quint64 state_;
};

const QStringList kGenres = {
    QStringLiteral("Rock"),        QStringLiteral("Pop"),     QStringLiteral("Electronic"),
    QStringLiteral("Hip-Hop"),     QStringLiteral("Jazz"),    QStringLiteral("Classical"),
    QStringLiteral("Metal"),       QStringLiteral("Indie"),   QStringLiteral("Folk"),
    QStringLiteral("Alternative"), QStringLiteral("R&B"),     QStringLiteral("Soundtrack"),
    QStringLiteral("Country"),     QStringLiteral("Blues"),   QStringLiteral("Punk"),
    QStringLiteral("Reggae"),      QStringLiteral("Ambient"), QStringLiteral("Soul"),
    QStringLiteral("Funk"),        QStringLiteral("Techno"),  QStringLiteral("House"),
    QStringLiteral("Latin"),       QStringLiteral("World"),   QStringLiteral("Disco"),
    QStringLiteral("Gospel")};

QStringList words(const char* text) {
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

const QStringList kAdjectives = words(
    "Black Silver Electric Midnight Velvet Crystal Broken Golden Hollow Neon Wild Quiet Burning "
    "Frozen Lonely Northern Paper Iron Glass Scarlet Lost Secret Distant Little Holy Savage "
    "Gentle Cosmic Rusty Bitter Sweet Endless Pale Crimson Silent Radiant Wandering Sunken");
const QStringList kNouns = words(
    "Hearts Wolves Rivers Kings Machines Ghosts Shadows Lights Sparrows Engines Tides Echoes "
    "Mountains Dreams Stars Waves Horses Roses Bones Clouds Cities Storms Gardens Mirrors Saints "
    "Foxes Lanterns Oceans Comets Pilots Orchids Circuits Harbors Canyons Ravens Signals");
const QStringList kFirst = words(
    "John Anna Marcus Elena David Sofia Lucas Maria Peter Laura Tom Nina Oscar Clara Victor Ida "
    "Hugo Mia Felix Rosa Björn Zoë Renée José Søren Chloé Łukasz Ayşe Jürgen Ines Kenji Yuki");
const QStringList kLast = words(
    "Smith Berg Novak Rossi Keller Lindqvist Moreau Costa Walsh Fischer Dubois Jensen Okafor "
    "Tanaka Müller García Núñez Håkansson O'Brien Ström Kowalski Petrov Silva Schmidt Nakamura");
const QStringList kTitleA = words(
    "Love Night Fire Rain Time Home Heart Light Road Sky Dream Summer Winter Shadow River Mirror "
    "Morning Ocean Signal Echo Gravity Paradise Static Thunder Silence Forever Neon Ghost Spark");
const QStringList kTitleB = words(
    "Song Blues Dance Lullaby Anthem Waltz Theme Reprise Interlude Prayer Machine Avenue Parade "
    "Highway Garden Letters Fever Memory Runaway Tonight");
const QStringList kExtra = words("東京 Café Ñandú Über Ærø Пётр Señal Straße");

QString artistName(Rng& r) {
    const double k = r.uniform();
    if (k < 0.45)
        return QStringLiteral("The %1 %2").arg(r.pick(kAdjectives), r.pick(kNouns));
    if (k < 0.75)
        return QStringLiteral("%1 %2").arg(r.pick(kFirst), r.pick(kLast));
    if (k < 0.92)
        return QStringLiteral("%1 %2").arg(r.pick(kAdjectives), r.pick(kNouns));
    return QStringLiteral("%1 %2").arg(r.pick(kExtra), r.pick(kNouns));
}

QString albumName(Rng& r) {
    const double k = r.uniform();
    if (k < 0.4)
        return QStringLiteral("%1 %2").arg(r.pick(kAdjectives), r.pick(kNouns));
    if (k < 0.7)
        return QStringLiteral("%1 %2").arg(r.pick(kTitleA), r.pick(kTitleB));
    if (k < 0.85)
        return QStringLiteral("The %1 Sessions").arg(r.pick(kTitleA));
    return QStringLiteral("%1 %2").arg(r.pick(kAdjectives), r.pick(kExtra));
}

QString titleName(Rng& r) {
    const double k = r.uniform();
    if (k < 0.5)
        return QStringLiteral("%1 %2").arg(r.pick(kTitleA), r.pick(kTitleB));
    if (k < 0.75)
        return QStringLiteral("%1 %2").arg(r.pick(kAdjectives), r.pick(kTitleA));
    if (k < 0.85)
        return QStringLiteral("The %1").arg(r.pick(kTitleA));
    if (k < 0.92)
        return QStringLiteral("%1 (Live)").arg(r.pick(kTitleA));
    return QStringLiteral("%1, Pt. %2").arg(r.pick(kTitleA)).arg(r.range(1, 3));
}

// Zipf-like weights: the first genre is by far the most common.
int pickWeighted(Rng& r, const QList<double>& cumulative) {
    const double x = r.uniform() * cumulative.last();
    for (int i = 0; i < cumulative.size(); ++i) {
        if (x < cumulative[i])
            return i;
    }
    return int(cumulative.size()) - 1;
}

QString safeName(QString name) {
    return name.replace(QLatin1Char('/'), QLatin1Char('-'));
}

}  // namespace

QStringList genreNames() {
    return kGenres;
}

QList<PlannedFile> planLibrary(const PlanOptions& options) {
    Rng r(options.seed);
    const int genreCount = qBound(1, options.genres, int(kGenres.size()));
    QList<double> genreCumulative;
    double sum = 0;
    for (int i = 0; i < genreCount; ++i)
        genreCumulative.append(sum += 1.0 / std::pow(i + 1, 1.1));
    const QStringList formats = {QStringLiteral("mp3"), QStringLiteral("flac"),
                                 QStringLiteral("ogg"), QStringLiteral("m4a"),
                                 QStringLiteral("opus")};
    const QList<double> formatCumulative = {60, 85, 95, 98, 100};

    QList<PlannedFile> plan;
    plan.reserve(options.files);
    QSet<QString> usedAlbumFolders;
    QStringList artists;
    while (plan.size() < options.files) {
        // a new artist every few albums, so artists have 1-5 albums
        if (artists.isEmpty() || r.uniform() < 0.35)
            artists.append(artistName(r));
        const bool compilation = r.uniform() < 0.04;
        const QString albumArtist =
            compilation ? QStringLiteral("Various Artists") : artists.last();
        QString album = albumName(r);
        QString folder = safeName(albumArtist) + QLatin1Char('/') + safeName(album);
        for (int n = 2; usedAlbumFolders.contains(folder); ++n) {
            album = QStringLiteral("%1 %2").arg(albumName(r)).arg(n);
            folder = safeName(albumArtist) + QLatin1Char('/') + safeName(album);
        }
        usedAlbumFolders.insert(folder);
        const QString format = formats[pickWeighted(r, formatCumulative)];
        const int genre = pickWeighted(r, genreCumulative);
        const int year = r.range(1960, 2024);
        const int discs = r.uniform() < 0.08 ? 2 : 1;
        const int perDisc = r.range(6, 14);
        for (int disc = 1; disc <= discs && plan.size() < options.files; ++disc) {
            for (int n = 1; n <= perDisc && plan.size() < options.files; ++n) {
                PlannedFile file;
                file.format = format;
                file.clip_seconds = r.range(3, 10);
                TrackTags& t = file.tags;
                t.title = titleName(r);
                t.artist = compilation ? artistName(r) : albumArtist;
                t.album = album;
                t.album_artist = albumArtist;
                t.genres = {kGenres[genre]};
                if (r.uniform() < 0.12)  // some tracks carry a second genre
                    t.genres.append(kGenres[pickWeighted(r, genreCumulative)]);
                t.genres.removeDuplicates();
                t.year = year;
                t.track_no = n;
                t.disc_no = discs > 1 ? disc : 0;
                const QString discFolder =
                    discs > 1 ? QStringLiteral("/Disc %1").arg(disc) : QString();
                file.relative_path = QStringLiteral("%1%2/%3 - %4.%5")
                                         .arg(folder, discFolder)
                                         .arg(n, 2, 10, QLatin1Char('0'))
                                         .arg(safeName(t.title), format);
                plan.append(file);
            }
        }
    }
    return plan;
}

}  // namespace encore::bench
