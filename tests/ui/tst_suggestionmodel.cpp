// SuggestionModel under QAbstractItemModelTester: a new list is applied in place (removes,
// moves, inserts, dataChanged; never a reset), so a selected row survives a new model.

#include "suggest/suggestionlist.h"
#include "suggest/suggestionmodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QtTest>

using namespace encore;

namespace {

// "1 2 3" -> suggestions for tracks 1, 2, 3; "2:x" gives track 2 the reason "x".
QList<Suggestion> parse(const QString& spec) {
    QList<Suggestion> out;
    const QStringList items = spec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& item : items) {
        const QStringList parts = item.split(QLatin1Char(':'));
        const TrackId id = parts.at(0).toLongLong();
        out.append({id, QStringLiteral("Song %1").arg(id), QStringLiteral("Artist"),
                    parts.size() > 1 ? parts.at(1) : QStringLiteral("because %1").arg(id)});
    }
    return out;
}

QString ids(const SuggestionModel& model) {
    QStringList out;
    for (const TrackId id : model.trackIds())
        out << QString::number(id);
    return out.join(QLatin1Char(' '));
}

}  // namespace

class TestSuggestionModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void appliesANewListInPlace_data() {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("inserted");
        QTest::addColumn<int>("removed");
        QTest::addColumn<int>("moved");
        QTest::addColumn<int>("changed");
        QTest::newRow("first fill") << ""
                                    << "1 2 3"
                                    << "1 2 3" << 3 << 0 << 0 << 0;
        QTest::newRow("same list") << "1 2 3"
                                   << "1 2 3"
                                   << "1 2 3" << 0 << 0 << 0 << 0;
        QTest::newRow("new reason") << "1 2 3"
                                    << "1 2:new 3"
                                    << "1 2 3" << 0 << 0 << 0 << 1;
        QTest::newRow("reordered") << "1 2 3"
                                   << "3 1 2"
                                   << "3 1 2" << 0 << 0 << 1 << 0;
        QTest::newRow("reversed") << "1 2 3 4"
                                  << "4 3 2 1"
                                  << "4 3 2 1" << 0 << 0 << 3 << 0;
        QTest::newRow("one goes") << "1 2 3"
                                  << "1 3"
                                  << "1 3" << 0 << 1 << 0 << 0;
        QTest::newRow("a run goes") << "1 2 3 4 5"
                                    << "1 5"
                                    << "1 5" << 0 << 1 << 0 << 0;
        QTest::newRow("one comes") << "1 3"
                                   << "1 2 3"
                                   << "1 2 3" << 1 << 0 << 0 << 0;
        QTest::newRow("all new") << "1 2"
                                 << "7 8 9"
                                 << "7 8 9" << 3 << 1 << 0 << 0;
        QTest::newRow("mixed") << "1 2 3 4"
                               << "4 9 1"
                               << "4 9 1" << 1 << 1 << 1 << 0;
        QTest::newRow("emptied") << "1 2 3"
                                 << ""
                                 << "" << 0 << 1 << 0 << 0;
        QTest::newRow("twice listed") << ""
                                      << "5 6 5"
                                      << "5 6" << 2 << 0 << 0 << 0;
    }

    void appliesANewListInPlace() {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QString, expected);
        QFETCH(int, inserted);
        QFETCH(int, removed);
        QFETCH(int, moved);
        QFETCH(int, changed);
        SuggestionModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSuggestions(parse(before));
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moves(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setSuggestions(parse(after));
        QCOMPARE(ids(model), expected);
        int insertedRows = 0;
        for (const QList<QVariant>& args : inserts)
            insertedRows += args.at(2).toInt() - args.at(1).toInt() + 1;
        QCOMPARE(insertedRows, inserted);
        QCOMPARE(removes.count(), removed);
        QCOMPARE(moves.count(), moved);
        QCOMPARE(changes.count(), changed);
        QCOMPARE(resets.count(), 0);
        QHash<TrackId, QString> reasons;
        for (const Suggestion& s : parse(after)) {
            if (!reasons.contains(s.track_id))
                reasons.insert(s.track_id, s.reason);
        }
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            QCOMPARE(index.data(SuggestionModel::ReasonRole).toString(),
                     reasons.value(model.trackIdAt(row)));
        }
    }

    void keepsTheSelectedTrackSelected() {
        SuggestionList list;
        QAbstractItemModelTester tester(list.suggestionModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        list.setSuggestions(parse("1 2 3 4"));
        list.setCurrentRow(2);
        QCOMPARE(list.currentTrackId(), TrackId(3));
        list.setSuggestions(parse("5 3:again 1"));
        QCOMPARE(list.currentTrackId(), TrackId(3));
        QCOMPARE(list.currentIndex().row(), 1);
        QVERIFY(list.selectionModel()->isSelected(list.currentIndex()));
        QCOMPARE(list.currentIndex().data(SuggestionModel::ReasonRole).toString(),
                 QStringLiteral("again"));
    }

    void removesARejectedTrack() {
        SuggestionModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSuggestions(parse("1 2 3"));
        QVERIFY(model.removeTrack(2));
        QVERIFY(!model.removeTrack(2));
        QCOMPARE(ids(model), QStringLiteral("1 3"));
        QCOMPARE(model.rowOf(3), 1);
        QCOMPARE(model.trackIdAt(5), TrackId(0));
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("Song 1 — Artist"));
        QVERIFY(
            model.index(0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("because 1")));
    }

    void rowButtonsAct() {
        SuggestionList list;
        list.resize(420, 300);
        list.show();
        QVERIFY(QTest::qWaitForWindowExposed(&list));
        list.setSuggestions(parse("1 2 3"));
        QSignalSpy play(&list, &SuggestionList::playRequested);
        QSignalSpy queue(&list, &SuggestionList::enqueueRequested);
        QSignalSpy reject(&list, &SuggestionList::notForMeRequested);
        QTest::mouseClick(list.viewport(), Qt::LeftButton, {},
                          list.actionRect(1, SuggestionList::Action::Queue).center());
        QCOMPARE(queue.count(), 1);
        QCOMPARE(queue.first().at(0).toLongLong(), 2);
        QTest::mouseClick(list.viewport(), Qt::LeftButton, {},
                          list.actionRect(2, SuggestionList::Action::Play).center());
        QCOMPARE(play.count(), 1);
        QCOMPARE(play.first().at(0).toInt(), 2);
        // A double-click on a button (press, release, double-click, release, as the window
        // system sends it) is one click, not two and not "play".
        const QPoint button = list.actionRect(0, SuggestionList::Action::NotForMe).center();
        QTest::mouseClick(list.viewport(), Qt::LeftButton, {}, button);
        QMouseEvent dbl(QEvent::MouseButtonDblClick, button, list.viewport()->mapToGlobal(button),
                        Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(list.viewport(), &dbl);
        QTest::mouseRelease(list.viewport(), Qt::LeftButton, {}, button);
        QCOMPARE(reject.count(), 1);
        QCOMPARE(reject.first().at(0).toLongLong(), 1);
        QCOMPARE(play.count(), 1);
        // Delete on the current row says "not for me" too; a click on the text only selects.
        QTest::mouseClick(
            list.viewport(), Qt::LeftButton, {},
            list.visualRect(list.suggestionModel()->index(1)).topLeft() + QPoint(10, 10));
        QCOMPARE(list.currentTrackId(), TrackId(2));
        QCOMPARE(play.count(), 1);
        QTest::keyClick(&list, Qt::Key_Delete);
        QCOMPARE(reject.count(), 2);
        QCOMPARE(reject.last().at(0).toLongLong(), 2);
    }
};

QTEST_MAIN(TestSuggestionModel)
#include "tst_suggestionmodel.moc"
