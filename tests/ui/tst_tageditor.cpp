// The tag editor (issue 12, part 4) on a real scanned library: TagLib writes through a copy
// that replaces the file, the scanner sees the change, the track keeps its id and its plays,
// one undo step puts the files back, other tags (ReplayGain) survive, covers are written, and a
// file that cannot be written is listed and left whole.

#include "library/coverart.h"
#include "library/fixturelibrary.h"
#include "library/tagreader.h"
#include "tags/tageditcontroller.h"
#include "tags/tageditordialog.h"
#include "uitestsupport.h"
#include "windowfixture.h"

#include <QAction>
#include <QBuffer>
#include <QLineEdit>
#include <QMessageBox>
#include <QSignalSpy>
#include <QtTest>

#include <taglib/fileref.h>
#include <taglib/tpropertymap.h>

using namespace encore;
using encore::test::App;

namespace {

constexpr int kWaitMs = 20000;

TrackTags tagsOf(const QString& path) {
    return readTrackTags(QFile::encodeName(path)).tags;
}

QString tagProperty(const QString& path, const char* key) {
    TagLib::FileRef ref(QFile::encodeName(path).constData(), false);
    const TagLib::PropertyMap map = ref.file()->properties();
    return map.contains(key) ? QString::fromStdString(map[key].toString().to8Bit(true)) : QString();
}

}  // namespace

class TestTagEditor : public QObject {
    Q_OBJECT

    std::unique_ptr<test::IsolatedSettings> settings_;

    static void openScanned(App& app) {
        QVERIFY(app.engine.start().ok());
        app.open();
        QVERIFY(app.scan());
        QTRY_COMPARE(app.model()->rowCount(), 6);
    }

    // Opens the editor on these titles and waits until it has read their tags.
    static TagEditorDialog* editorFor(App& app, const QStringList& titles) {
        QList<TrackId> ids;
        for (const QString& t : titles)
            ids << app.trackIdOf(t);
        TagEditorDialog* dialog = app.window->tagEditor()->edit(ids);
        if (dialog && !dialog->isLoaded())
            QSignalSpy(dialog, &TagEditorDialog::loaded).wait(kWaitMs);
        return dialog;
    }

    static TagEditReport save(App& app, TagEditorDialog* dialog) {
        QSignalSpy edited(app.window->tagEditor(), &TagEditController::edited);
        QSignalSpy reloaded(app.window.get(), &MainWindow::libraryLoaded);
        dialog->accept();
        if (!edited.wait(kWaitMs))
            qFatal("no tag edit report");
        reloaded.wait(kWaitMs);  // the rescan's new snapshot reaches the table
        return edited.first().at(0).value<TagEditReport>();
    }

private Q_SLOTS:
    void init() { settings_ = std::make_unique<test::IsolatedSettings>(); }
    void cleanup() { settings_.reset(); }

    void renamingATitleKeepsTheTrackAndItsPlays() {
        App app;
        openScanned(app);
        const QString path = app.music.filePath(QStringLiteral("Portishead/Dummy/02.mp3"));
        const TrackId id = app.trackIdOf(QStringLiteral("Sour Times"));
        QVERIFY(id > 0);
        Play listen;
        listen.track_id = id;
        listen.started_at = app.clock->nowMs() / 1000 - 600;
        listen.ms_played = 200000;
        listen.duration_ms = 200000;
        listen.counted = true;
        QSignalSpy logged(&app.engine, &Engine::playLogged);
        app.engine.logListen(listen);
        QVERIFY(logged.wait(kWaitMs));
        {  // a tag the editor does not show, which must survive the edit
            TagLib::FileRef ref(QFile::encodeName(path).constData(), false);
            TagLib::PropertyMap map = ref.file()->properties();
            map.replace("REPLAYGAIN_TRACK_GAIN", TagLib::StringList("-7.50 dB"));
            ref.file()->setProperties(map);
            QVERIFY(ref.file()->save());
        }

        TagEditorDialog* dialog = editorFor(app, {QStringLiteral("Sour Times")});
        QVERIFY(dialog);
        QCOMPARE(dialog->field(TagEditorDialog::Title)->text(), QStringLiteral("Sour Times"));
        QCOMPARE(dialog->field(TagEditorDialog::Album)->text(), QStringLiteral("Dummy"));
        QLineEdit* title = dialog->field(TagEditorDialog::Title);
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Sour Times (Nobody Loves Me)"));
        const TagEditReport report = save(app, dialog);
        QCOMPARE(report.written.size(), 1);
        QVERIFY(report.failed.isEmpty());

        QCOMPARE(tagsOf(path).title, QStringLiteral("Sour Times (Nobody Loves Me)"));
        QCOMPARE(tagsOf(path).album, QStringLiteral("Dummy"));  // untouched fields stay
        QCOMPARE(tagProperty(path, "REPLAYGAIN_TRACK_GAIN"), QStringLiteral("-7.50 dB"));
        QVERIFY(!QFile::exists(
            app.music.filePath(QStringLiteral("Portishead/Dummy/.02.mp3.encore-edit"))));
        QTRY_COMPARE(app.trackIdOf(QStringLiteral("Sour Times (Nobody Loves Me)")), id);
        QTRY_VERIFY(app.rowOfTitle(QStringLiteral("Sour Times (Nobody Loves Me)")) >= 0);
        ScopedConnection c(app.temp.database, QStringLiteral("test-plays"));
        QSqlQuery plays(c.db());
        plays.prepare(QStringLiteral("SELECT count(*) FROM plays WHERE track_id = ?"));
        plays.addBindValue(id);
        QVERIFY(plays.exec() && plays.next());
        QCOMPARE(plays.value(0).toInt(), 1);  // the history stays on the track

        // One undo step puts the title back.
        QAction* undo = app.window->tagEditor()->undoAction();
        QVERIFY(undo->isEnabled());
        QSignalSpy undone(app.window->tagEditor(), &TagEditController::edited);
        undo->trigger();
        QVERIFY(undone.wait(kWaitMs));
        QVERIFY(undone.first().at(0).value<TagEditReport>().undo);
        QCOMPARE(tagsOf(path).title, QStringLiteral("Sour Times"));
        QCOMPARE(tagProperty(path, "REPLAYGAIN_TRACK_GAIN"), QStringLiteral("-7.50 dB"));
        QTRY_COMPARE(app.trackIdOf(QStringLiteral("Sour Times")), id);
        QVERIFY(!undo->isEnabled());
    }

    void manySongsShowWhatDiffersAndWriteOnlyTheEditedField() {
        App app;
        openScanned(app);
        TagEditorDialog* dialog =
            editorFor(app, {QStringLiteral("Mysterons"), QStringLiteral("Nocturne in E-flat"),
                            QStringLiteral("Nocturne in B major")});
        QVERIFY(dialog);
        QCOMPARE(dialog->field(TagEditorDialog::Title)->text(), QString());
        QCOMPARE(dialog->field(TagEditorDialog::Title)->placeholderText(),
                 QStringLiteral("(different values)"));
        QLineEdit* genres = dialog->field(TagEditorDialog::Genres);
        genres->selectAll();
        QTest::keyClicks(genres, QStringLiteral("Night; Quiet"));
        const TagEditReport report = save(app, dialog);
        QCOMPARE(report.written.size(), 3);
        const QString mp3 = app.music.filePath(QStringLiteral("Portishead/Dummy/01.mp3"));
        const QString ogg = app.music.filePath(QStringLiteral("Chopin/Nocturnes/03.ogg"));
        QCOMPARE(tagsOf(mp3).genres, (QStringList{"Night", "Quiet"}));
        QCOMPARE(tagsOf(ogg).genres, (QStringList{"Night", "Quiet"}));
        QCOMPARE(tagsOf(mp3).title, QStringLiteral("Mysterons"));  // not edited: each keeps its own
        QCOMPARE(tagsOf(ogg).title, QStringLiteral("Nocturne in B major"));
    }

    void aCoverIsEmbedded() {
        App app;
        openScanned(app);
        const QString flac = app.music.filePath(QStringLiteral("Chopin/Nocturnes/02.flac"));
        QImage image(32, 32, QImage::Format_RGB32);
        image.fill(Qt::red);
        const QString png = app.music.filePath(QStringLiteral("red.png"));
        QVERIFY(image.save(png));
        TagEditorDialog* dialog = editorFor(app, {QStringLiteral("Nocturne in B-flat minor")});
        QVERIFY(dialog->setCoverFromFile(png));
        QVERIFY(!dialog->setCoverFromFile(flac));  // not an image
        save(app, dialog);
        const std::optional<CoverArt> cover = readEmbeddedCover(flac);
        QVERIFY(cover.has_value());
        QCOMPARE(cover->mime_type, QStringLiteral("image/png"));
        QImage back;
        QVERIFY(back.loadFromData(cover->data));
        QCOMPARE(back.pixelColor(5, 5), QColor(Qt::red));
        QCOMPARE(tagsOf(flac).title, QStringLiteral("Nocturne in B-flat minor"));
    }

    void aFileThatCannotBeWrittenIsListedAndLeftWhole() {
        App app;
        openScanned(app);
        const QString good = app.music.filePath(QStringLiteral("Portishead/Dummy/03.m4a"));
        const QString broken = app.music.filePath(QStringLiteral("Portishead/Dummy/01.mp3"));
        // Between the dialog and the write the file stops being audio.
        TagEditorDialog* dialog =
            editorFor(app, {QStringLiteral("Strangers"), QStringLiteral("Mysterons")});
        QVERIFY(test::writeBytes(broken, QByteArray(4096, 'x')));
        QLineEdit* album = dialog->field(TagEditorDialog::Album);
        album->selectAll();
        QTest::keyClicks(album, QStringLiteral("Dummy (Remastered)"));
        const TagEditReport report = save(app, dialog);
        QCOMPARE(report.written.size(), 1);
        QCOMPARE(report.written[0].path, good);
        QCOMPARE(report.failed.size(), 1);
        QCOMPARE(report.failed[0].first, broken);
        QVERIFY2(report.failed[0].second.contains(broken), qPrintable(report.failed[0].second));
        QCOMPARE(QFileInfo(broken).size(), 4096);  // left as it was
        QCOMPARE(tagsOf(good).album, QStringLiteral("Dummy (Remastered)"));
        QTRY_VERIFY(app.window->findChild<QMessageBox*>(QStringLiteral("tagEditProblems")));
    }
};

QTEST_MAIN(TestTagEditor)
#include "tst_tageditor.moc"
