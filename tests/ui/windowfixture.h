#pragma once

// The whole window on a real fixture library for the end-to-end tests: real audio files tagged
// with TagLib, scanned by the real engine, played by the clocked player; one hand-driven clock
// times both the player and the listening rules.

#include "browse/librarypage.h"
#include "engine.h"
#include "history/historymodel.h"
#include "library/fixturelibrary.h"
#include "library/tagwriter.h"
#include "listens/manualclock.h"
#include "mainwindow.h"
#include "pages/historypage.h"
#include "playback/clockedplayer.h"
#include "store/settingsstore.h"
#include "testsupport.h"

#include <QDateTime>
#include <QImage>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>

#include <memory>

namespace encore::test {

constexpr int kScanTimeoutMs = 30000;
constexpr int kUtcOffsetMinutes = 60;

// Silence as an 8 kHz, 8-bit mono WAV file of `seconds`: a track long enough to be skipped
// (the clips in tests/data/audio last 1 s).
bool writeSilentWav(const QString& path, int seconds) {
    constexpr quint32 kRate = 8000;
    const quint32 dataBytes = kRate * quint32(seconds);
    QByteArray wav;
    auto u32 = [&wav](quint32 v) {
        for (int i = 0; i < 4; ++i)
            wav.append(char((v >> (8 * i)) & 0xff));
    };
    auto u16 = [&wav](quint16 v) {
        wav.append(char(v & 0xff));
        wav.append(char(v >> 8));
    };
    wav += "RIFF";
    u32(36 + dataBytes);
    wav += "WAVEfmt ";
    u32(16);
    u16(1);  // PCM
    u16(1);  // mono
    u32(kRate);
    u32(kRate);  // bytes per second
    u16(1);      // block align
    u16(8);      // bits per sample
    wav += "data";
    u32(dataBytes);
    wav += QByteArray(int(dataBytes), char(0x80));  // 8-bit PCM silence
    return test::writeBytes(path, wav);
}

// A real library on disk, scanned by the real engine, shown in the real window with the
// clocked player. One hand-driven clock times both the player and the listening rules.
struct App {
    test::TempDatabase temp;
    QTemporaryDir music;
    std::shared_ptr<ManualClock> clock =
        std::make_shared<ManualClock>(QDateTime::currentMSecsSinceEpoch(), kUtcOffsetMinutes);
    Engine engine{temp.database, clock};
    ClockedPlayer* player = nullptr;
    std::unique_ptr<MainWindow> window;

    App() {
        const struct {
            const char* path;
            const char* artist;
            const char* album;
            const char* title;
            int track;
            const char* genre;
        } files[] = {
            {"Chopin/Nocturnes/01.flac", "Frédéric Chopin", "Nocturnes", "Nocturne in E-flat", 1,
             "Classical"},
            {"Chopin/Nocturnes/02.flac", "Frédéric Chopin", "Nocturnes", "Nocturne in B-flat minor",
             2, "Classical"},
            {"Chopin/Nocturnes/03.ogg", "Frédéric Chopin", "Nocturnes", "Nocturne in B major", 3,
             "Classical"},
            {"Portishead/Dummy/01.mp3", "Portishead", "Dummy", "Mysterons", 1, "Trip Hop"},
            {"Portishead/Dummy/02.mp3", "Portishead", "Dummy", "Sour Times", 2, "Trip Hop"},
            {"Portishead/Dummy/03.m4a", "Portishead", "Dummy", "Strangers", 3, "Trip Hop"},
        };
        for (const auto& f : files)
            makeFile(QString::fromUtf8(f.path),
                     test::tags(QString::fromUtf8(f.artist), QString::fromUtf8(f.album),
                                QString::fromUtf8(f.title), f.track, {QString::fromUtf8(f.genre)}));
        QImage cover(64, 64, QImage::Format_RGB32);
        cover.fill(Qt::darkCyan);
        cover.save(music.filePath(QStringLiteral("Portishead/Dummy/cover.jpg")));
    }

    bool makeFile(const QString& relative, const TrackTags& tags) {
        return test::makeTaggedFile(music.filePath(relative), tags);
    }

    // "Angel" by Massive Attack, 60 s long.
    bool makeLongTrack() {
        const QString path = music.filePath(QStringLiteral("Massive Attack/Mezzanine/01.wav"));
        return writeSilentWav(path, 60) &&
               writeTrackTags(
                   path, test::tags(QStringLiteral("Massive Attack"), QStringLiteral("Mezzanine"),
                                    QStringLiteral("Angel"), 1, {QStringLiteral("Trip Hop")}))
                   .ok();
    }

    bool scan() {
        QSignalSpy finished(&engine, &Engine::scanFinished);
        engine.scan({music.path()});
        return finished.wait(kScanTimeoutMs);
    }

    // Tests that log listens stand in for a listener by choice; `Nobody` is what the product
    // does on a machine without a sound device.
    void open(ClockedPlayer::Audience audience = ClockedPlayer::Audience::SimulatedListener) {
        auto p = std::make_unique<ClockedPlayer>(audience);
        p->setTimeSource([this] { return clock->nowMs(); });
        p->setTickInterval(0);
        player = p.get();
        window = std::make_unique<MainWindow>(engine, std::move(p));
        window->show();
        window->reloadLibrary();
    }

    // Moves time in steps, as a playing player sees it.
    void advance(qint64 ms) {
        constexpr qint64 kStepMs = 500;
        for (qint64 done = 0; done < ms; done += kStepMs) {
            clock->advance(qMin(kStepMs, ms - done));
            player->poll();
        }
    }

    LibraryModel* model() const { return window->libraryPage()->model(); }
    HistoryModel* history() const { return window->historyPage()->model(); }

    int rowOfTitle(const QString& title) const {
        for (int row = 0; row < model()->rowCount(); ++row) {
            if (model()->index(row, LibraryModel::Title).data().toString() == title)
                return row;
        }
        return -1;
    }

    // Rows of the plays table, oldest first: "title|end_reason|counted|ms_played|offset".
    TrackId trackIdOf(const QString& title) const {
        ScopedConnection c(temp.database, QStringLiteral("test-track-id"));
        QSqlQuery q(c.db());
        q.prepare(QStringLiteral("SELECT id FROM tracks WHERE title = ?"));
        q.addBindValue(title);
        return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    }

    QStringList loggedPlays() const {
        ScopedConnection c(temp.database, QStringLiteral("test-plays"));
        QSqlQuery q(c.db());
        q.exec(
            QStringLiteral("SELECT t.title, p.end_reason, p.counted, p.ms_played, "
                           "p.utc_offset_minutes FROM plays p JOIN tracks t ON t.id = "
                           "p.track_id ORDER BY p.started_at, p.id"));
        QStringList rows;
        while (q.next())
            rows << QStringLiteral("%1|%2|%3|%4|%5")
                        .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                             q.value(3).toString(), q.value(4).toString());
        return rows;
    }
};

bool storedIncognito(const Database& database) {
    ScopedConnection c(database, QStringLiteral("test-settings"));
    const Result<bool> on = SettingsStore(c.db()).incognito();
    return on && on.value();
}

QPoint rowCenter(QTableView* view, int row) {
    return view->visualRect(view->model()->index(row, 0)).center();
}

}  // namespace encore::test
