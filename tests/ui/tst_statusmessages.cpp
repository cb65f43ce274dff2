// The status bar's passing messages: shortened to the room left of the permanent widgets
// (the whole text in the tooltip), and a message already showing is not shown again.

#include "status/statusmessages.h"

#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QtTest>

using namespace encore;

class TestStatusMessages : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shortensToTheRoomItHas() {
        QStatusBar bar;
        auto* permanent = new QLabel(QStringLiteral("1,234 tracks"));
        permanent->setFixedWidth(200);
        bar.addPermanentWidget(permanent);
        StatusMessages messages(&bar);
        messages.addPermanentWidget(permanent);
        bar.resize(600, 30);
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));

        const QString path = QStringLiteral("/home/someone/Music/") + QString(60, QLatin1Char('x'));
        const QString text =
            QStringLiteral("The file %1 is gone. Rescan the library to forget it.").arg(path);
        QVERIFY(bar.fontMetrics().horizontalAdvance(text) > 600);
        messages.show(text, 10000);
        QCOMPARE(messages.text(), text);
        QVERIFY2(bar.currentMessage().endsWith(QChar(0x2026)), qPrintable(bar.currentMessage()));
        QVERIFY(bar.fontMetrics().horizontalAdvance(bar.currentMessage()) <=
                permanent->geometry().left());
        QCOMPARE(bar.toolTip(), text);

        // Wider, it shows more of it.
        const QString narrow = bar.currentMessage();
        bar.resize(900, 30);
        QTRY_VERIFY(bar.currentMessage().size() > narrow.size());
        QCOMPARE(messages.text(), text);

        // A short one fits: shown whole, no tooltip needed.
        messages.show(QStringLiteral("Saved"), 10000);
        QCOMPARE(bar.currentMessage(), QStringLiteral("Saved"));
        QCOMPARE(bar.toolTip(), QString());
    }

    void theSameMessageIsNotShownAgain() {
        QStatusBar bar;
        bar.resize(600, 30);
        bar.show();
        StatusMessages messages(&bar);
        QSignalSpy changed(&bar, &QStatusBar::messageChanged);
        const QString text = QStringLiteral("Library up to date: 14 files checked");
        messages.show(text, 300);
        messages.show(text, 300);
        messages.show(text, 300);
        QCOMPARE(changed.count(), 1);
        // It still times out as the first one said, and then can be shown again.
        QTRY_COMPARE_WITH_TIMEOUT(bar.currentMessage(), QString(), 2000);
        QCOMPARE(messages.text(), QString());
        messages.show(text, 300);
        QCOMPARE(bar.currentMessage(), text);
    }
};

QTEST_MAIN(TestStatusMessages)
#include "tst_statusmessages.moc"
