#pragma once

// A real SQLite library and listening log for the recommender's tests: tracks through
// TrackStore, plays through PlayLog (sessions assigned as the product does), profiles through
// ProfileStore.

#include "store/database.h"
#include "store/play.h"
#include "store/playlog.h"
#include "store/profilestore.h"
#include "store/trackstore.h"
#include "testsupport.h"

#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

namespace encore::test {

struct FixtureTrack {
    QString artist;
    QString title;
    QStringList genres = {};
    bool playable = true;
};

class RecoFixture {
public:
    static constexpr qint64 kSongSeconds = 200;  // every fixture listen lasts this long

    RecoFixture()
        : connection_(temp_.database, QStringLiteral("reco-fixture-%1").arg(++instances_)) {
        if (!connection_.ok())
            qFatal("fixture connection: %s", qPrintable(connection_.error()));
    }

    const Database& database() const { return temp_.database; }
    QSqlDatabase db() const { return connection_.db(); }
    QString folder() const { return temp_.dir.path(); }

    QList<TrackId> addTracks(const QList<FixtureTrack>& tracks) {
        QList<TrackWrite> writes;
        for (const FixtureTrack& t : tracks) {
            TrackWrite w;
            w.track.key = QStringLiteral("reco-test:%1").arg(++counter_);
            w.track.path = QStringLiteral("/music/reco-test/%1.flac").arg(counter_);
            w.track.tags.artist = t.artist;
            w.track.tags.title = t.title;
            w.track.tags.genres = t.genres;
            w.track.tags.duration_ms = int(kSongSeconds * 1000);
            writes.append(w);
        }
        const Status written = TrackStore(db()).writeBatch(writes, 1700000000 + counter_);
        if (!written)
            qFatal("cannot add tracks: %s", qPrintable(written.error()));
        QList<TrackId> ids, unavailable;
        for (int i = 0; i < writes.size(); ++i) {
            ids << writes[i].track.id;
            if (!tracks[i].playable)
                unavailable << writes[i].track.id;
        }
        if (!unavailable.isEmpty() && !TrackStore(db()).markUnavailable(unavailable))
            qFatal("cannot mark tracks unavailable");
        return ids;
    }

    ProfileId profile(const QString& name) {
        const Result<Profile> p = ProfileStore(db()).ensure(name);
        if (!p)
            qFatal("profile: %s", qPrintable(p.error()));
        return p->id;
    }

    ProfileId activeProfile() {
        const Result<Profile> p = ProfileStore(db()).active();
        if (!p)
            qFatal("profile: %s", qPrintable(p.error()));
        return p->id;
    }

    static Play play(ProfileId profile, TrackId track, qint64 startedAt, bool counted = true,
                     int utcOffsetMinutes = 0) {
        Play p;
        p.profile_id = profile;
        p.track_id = track;
        p.started_at = startedAt;
        p.utc_offset_minutes = utcOffsetMinutes;
        p.duration_ms = int(kSongSeconds * 1000);
        p.counted = counted;
        p.end_reason = counted ? EndReason::Finished : EndReason::Skipped;
        p.ms_played = counted ? kSongSeconds * 1000 : 10000;
        return p;
    }

    // Inserts the plays in one transaction and assigns sessions as imports do.
    void addPlays(const QList<Play>& plays) {
        ScopedTransaction transaction(db());
        PlayLog log(db());
        QHash<ProfileId, QPair<qint64, qint64>> ranges;
        for (const Play& p : plays) {
            const Result<bool> inserted = log.insert(p);
            if (!inserted)
                qFatal("play: %s", qPrintable(inserted.error()));
            auto it = ranges.find(p.profile_id);
            if (it == ranges.end())
                ranges.insert(p.profile_id, {p.started_at, p.started_at});
            else
                *it = {qMin(it->first, p.started_at), qMax(it->second, p.started_at)};
        }
        for (auto it = ranges.constBegin(); it != ranges.constEnd(); ++it) {
            if (!log.assignSessions(it.key(), it->first, it->second))
                qFatal("sessions");
        }
        if (!transaction.commit())
            qFatal("commit plays");
    }

private:
    TempDatabase temp_;
    ScopedConnection connection_;
    int counter_ = 0;
    static inline int instances_ = 0;  // connection names are per thread: one per fixture
};

// A small library with planted structure for serving and reason tests. `now` is a Wednesday
// 20:00 UTC (a weekday evening); every listen is UTC (offset 0) and lies before `now`.
struct PlantedLibrary {
    static constexpr qint64 kNow = 1700683200;  // 2023-11-22 20:00 UTC, a Wednesday
    static constexpr int kTimesBAfterA = 12;

    TrackId a = 0, b = 0, cold = 0, unplayable = 0, not_for_me = 0, last_hour = 0, two_hours = 0;
    QList<TrackId> zed;   // one artist, played a lot: tests the 2-per-artist rule
    QList<TrackId> jazz;  // played on weekday evenings
    QList<TrackId> filler;
    ProfileId profile = 0;
    int plays = 0;

    static PlantedLibrary plant(RecoFixture& f) {
        PlantedLibrary l;
        const QList<TrackId> named = f.addTracks({{"Xena", "Alpha", {"Pop"}},
                                                  {"Yann", "Bravo", {"Pop"}},
                                                  {"Xena", "Kilo", {"Pop"}},
                                                  {"Uma", "Unplayable Hit", {"Pop"}, false},
                                                  {"Yann", "Echo", {"Pop"}},
                                                  {"Cleo", "Charlie", {"Folk"}},
                                                  {"Dora", "Delta", {"Folk"}}});
        l.a = named[0];
        l.b = named[1];
        l.cold = named[2];
        l.unplayable = named[3];
        l.not_for_me = named[4];
        l.last_hour = named[5];
        l.two_hours = named[6];
        QList<FixtureTrack> zed, jazz, filler;
        for (int i = 0; i < 8; ++i)
            zed.append({"Zed", QStringLiteral("Zed Song %1").arg(i), {"Rock"}});
        for (int i = 0; i < 4; ++i)
            jazz.append({"Jules", QStringLiteral("Evening Tune %1").arg(i), {"Jazz"}});
        static const char* const kGenres[] = {"Folk", "Pop", "Rock"};
        for (int i = 0; i < 20; ++i)
            filler.append({QStringLiteral("Filler Artist %1").arg(i % 5),
                           QStringLiteral("Filler %1").arg(i),
                           {QString::fromLatin1(kGenres[i % 3])}});
        l.zed = f.addTracks(zed);
        l.jazz = f.addTracks(jazz);
        l.filler = f.addTracks(filler);
        l.profile = f.activeProfile();

        QList<Play> plays;
        const qint64 song = RecoFixture::kSongSeconds;
        qint64 t = kNow - 28 * 86400;  // four weeks of history, sessions 3 hours apart
        auto session = [&](const QList<TrackId>& tracks) {
            for (int i = 0; i < tracks.size(); ++i)
                plays << RecoFixture::play(l.profile, tracks[i], t + i * song);
            t += 3 * 3600;
        };
        for (int i = 0; i < kTimesBAfterA; ++i)
            session({l.filler[i % 20], l.a, l.b});
        for (int round = 0; round < 6; ++round)
            session(l.zed);
        for (int i = 0; i < 20; ++i)
            session({l.unplayable, l.filler[(i + 3) % 20]});
        for (int i = 0; i < 5; ++i)
            session({l.filler[(2 * i) % 20], l.filler[(2 * i + 5) % 20], l.filler[(i + 11) % 20]});
        // Jazz on weekday evenings: Monday to Friday 19:00 of the two weeks before.
        const qint64 monday = kNow - 2 * 86400 - 20 * 3600 - 7 * 86400;  // Monday 00:00, last week
        for (int day = 0; day < 5; ++day)
            for (int j = 0; j < 4; ++j)
                plays << RecoFixture::play(l.profile, l.jazz[j],
                                           monday + day * 86400 + 19 * 3600 + j * song);
        plays << RecoFixture::play(l.profile, l.two_hours, kNow - 2 * 3600);
        plays << RecoFixture::play(l.profile, l.last_hour, kNow - 1800);
        f.addPlays(plays);
        l.plays = plays.size();
        return l;
    }
};

}  // namespace encore::test
