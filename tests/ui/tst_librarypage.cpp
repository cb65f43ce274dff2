// The Library page at a real window size: every column of the table visible at 1280x800
// without a horizontal scroll, sized by their content until the listener sizes them (then
// remembered); a search that matches nothing says so and offers to clear it, as Escape does.

#include "albums/albumgrid.h"
#include "browse/columnfitter.h"
#include "uitestsupport.h"
#include "widgets/emptystate.h"
#include "windowfixture.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStyle>
#include <QtTest>

using namespace encore;
using encore::test::App;

namespace {

constexpr QSize kWindow(1280, 800);

// Shows the window at `size` with the Library page, once the library is in.
bool showLibrary(App& app, QSize size) {
    app.open();
    app.window->resize(size);
    app.window->showPage(MainWindow::Library);
    if (!QTest::qWaitForWindowExposed(app.window.get()))
        return false;
    QElapsedTimer waited;
    waited.start();
    while (!(app.window->isLibraryLoaded() && app.model()->rowCount() == 6) &&
           waited.elapsed() < 10000)
        QTest::qWait(20);
    QCoreApplication::processEvents();  // the layout of the resized window
    return app.model()->rowCount() == 6 && app.window->size() == size;
}

QString columnsText(QHeaderView* header) {
    QStringList parts;
    for (int c = 0; c < header->count(); ++c)
        parts << QStringLiteral("%1@%2")
                     .arg(header->sectionSize(c))
                     .arg(header->sectionViewportPosition(c));
    return parts.join(QLatin1Char(' ')) +
           QStringLiteral(" viewport %1").arg(header->viewport()->width());
}

}  // namespace

class TestLibraryPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { settings_ = std::make_unique<test::IsolatedSettings>(); }
    void cleanup() { settings_.reset(); }

    void everyColumnFitsAt1280() {
        App app;
        QVERIFY(app.engine.start().ok());
        QVERIFY(app.scan());
        QVERIFY(showLibrary(app, kWindow));
        QTableView* view = app.window->libraryPage()->view();
        QHeaderView* header = view->horizontalHeader();
        const int viewport = view->viewport()->width();
        const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
        const QString layout = columnsText(header);
        for (int c = 0; c < LibraryModel::ColumnCount; ++c) {
            const QString title =
                app.model()->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
            QVERIFY2(!header->isSectionHidden(c), qPrintable(title));
            const int left = header->sectionViewportPosition(c);
            QVERIFY2(left >= 0 && left + header->sectionSize(c) <= viewport,
                     qPrintable(title + QStringLiteral(": ") + layout));
            QVERIFY2(header->sectionSize(c) >=
                         header->fontMetrics().horizontalAdvance(title) + 2 * margin,
                     qPrintable(title + QStringLiteral(": ") + layout));
        }
        QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
        // The widths follow the content: titles get more room than years.
        QVERIFY2(
            header->sectionSize(LibraryModel::Title) > 2 * header->sectionSize(LibraryModel::Year),
            qPrintable(layout));
        // The last column ends at the viewport's edge: the spare width is shared out.
        QCOMPARE(header->sectionViewportPosition(LibraryModel::LastPlayed) +
                     header->sectionSize(LibraryModel::LastPlayed),
                 viewport);

        // Until the listener sizes a column, a wider window widens the shared columns.
        const int title = header->sectionSize(LibraryModel::Title);
        const int year = header->sectionSize(LibraryModel::Year);
        app.window->resize(1600, 800);
        QTRY_VERIFY(header->sectionSize(LibraryModel::Title) > title);
        QCOMPARE(header->sectionSize(LibraryModel::Year), year);
        QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
        QVERIFY(!app.window->libraryPage()->columnFitter()->isUserSized());
    }

    void aSizedColumnSurvivesARestart() {
        App app;
        QVERIFY(app.engine.start().ok());
        QVERIFY(app.scan());
        QVERIFY(showLibrary(app, kWindow));
        QHeaderView* header = app.window->libraryPage()->view()->horizontalHeader();
        const int fitted = header->sectionSize(LibraryModel::Album);
        const int chosen = fitted + 57;
        header->resizeSection(LibraryModel::Album, chosen);  // what a drag of its edge ends in
        QVERIFY(app.window->libraryPage()->columnFitter()->isUserSized());
        // The window's size no longer moves the listener's columns.
        app.window->resize(1400, 800);
        QTest::qWait(50);
        QCOMPARE(header->sectionSize(LibraryModel::Album), chosen);
        app.window->close();
        app.window.reset();

        QVERIFY(showLibrary(app, kWindow));
        QHeaderView* restored = app.window->libraryPage()->view()->horizontalHeader();
        QCOMPARE(restored->sectionSize(LibraryModel::Album), chosen);
        QVERIFY(app.window->libraryPage()->columnFitter()->isUserSized());
    }

    void aSearchThatMatchesNothingOffersToClearIt() {
        App app;
        QVERIFY(app.engine.start().ok());
        QVERIFY(app.scan());
        QVERIFY(showLibrary(app, kWindow));
        LibraryPage* page = app.window->libraryPage();
        QLineEdit* filter = page->filterEdit();
        QVERIFY(!page->showingNoMatch());
        QHeaderView* header = page->view()->horizontalHeader();
        const QString fitted = columnsText(header);
        QTest::keyClicks(filter, QStringLiteral("zyxw"));
        QCOMPARE(app.model()->rowCount(), 0);
        QVERIFY(page->showingNoMatch());
        QVERIFY(page->noMatch()->isVisible());
        QVERIFY(!page->view()->isVisible());
        QCOMPARE(page->noMatch()->title(), QStringLiteral("No tracks match “zyxw”"));
        QPushButton* clear = nullptr;
        for (QPushButton* button : page->noMatch()->findChildren<QPushButton*>()) {
            if (button->text() == QStringLiteral("Clear search"))
                clear = button;
        }
        QVERIFY(clear);
        QVERIFY(clear->isVisible());
        QTest::mouseClick(clear, Qt::LeftButton);
        QCOMPARE(filter->text(), QString());
        QCOMPARE(app.model()->rowCount(), 6);
        QVERIFY(!page->showingNoMatch());
        QVERIFY(page->view()->isVisible());
        QCOMPARE(columnsText(header), fitted);  // filtering resets the model, not the columns

        // A search that matches shows the table, and Escape in the box clears it.
        QTest::keyClicks(filter, QStringLiteral("sour"));
        QCOMPARE(app.model()->rowCount(), 1);
        QVERIFY(!page->showingNoMatch());
        QTest::keyClick(filter, Qt::Key_Escape);
        QCOMPARE(filter->text(), QString());
        QCOMPARE(app.model()->rowCount(), 6);

        // The album grid says the same when no album matches.
        page->showAlbums(true);
        QTest::keyClicks(filter, QStringLiteral("zyxw"));
        QVERIFY(page->showingNoMatch());
        QTest::keyClick(filter, Qt::Key_Escape);
        QVERIFY(!page->showingNoMatch());
        QVERIFY(page->albumGrid()->isVisible());
    }

private:
    std::unique_ptr<test::IsolatedSettings> settings_;
};

QTEST_MAIN(TestLibraryPage)
#include "tst_librarypage.moc"
