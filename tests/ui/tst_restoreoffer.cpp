#include "status/restoreoffer.h"
#include "store/backupfixture.h"
#include "store/databasebackup.h"
#include "store/databasehealth.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QTimer>
#include <QtTest>

using namespace encore;

namespace {

// Answers each message box as it opens: the button named `choice`, else the box's only one.
class BoxAnswerer : public QObject {
public:
    explicit BoxAnswerer(QString choice) : choice_(std::move(choice)) {
        connect(&timer_, &QTimer::timeout, this, [this] { answer(); });
        timer_.start(20);
    }
    QStringList texts;  // every box's text, in order

private:
    void answer() {
        for (QWidget* widget : QApplication::topLevelWidgets()) {
            auto* box = qobject_cast<QMessageBox*>(widget);
            if (!box || !box->isVisible() || answered_.contains(box))
                continue;
            answered_ << box;
            texts << box->text();
            QAbstractButton* pick = box->buttons().value(0);
            for (QAbstractButton* button : box->buttons()) {
                if (button->text() == choice_)
                    pick = button;
            }
            pick->click();
        }
    }

    QString choice_;
    QTimer timer_;
    QList<QMessageBox*> answered_;
};

}  // namespace

class TestRestoreOffer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void acceptedOfferRestoresEveryListen() {
        test::TempDatabase temp;
        const QList<qint64> ids = test::addPlays(temp.database, 300);
        QVERIFY(DatabaseBackup(temp.database).backUp().ok());
        QVERIFY(test::zeroPagesAfterTheFirst(temp.database.path()));
        const DatabaseHealth health = checkDatabaseHealth(temp.database);
        QVERIFY(!health.ok);

        BoxAnswerer answerer(QStringLiteral("Restore the backup"));
        QVERIFY(offerRestore(temp.database, health));
        QCOMPARE(answerer.texts.size(), 2);
        QCOMPARE(answerer.texts[0], health.message);
        QVERIFY2(answerer.texts[1].contains(QStringLiteral("Restored 300 listens")),
                 qPrintable(answerer.texts[1]));
        QVERIFY(checkDatabaseHealth(temp.database).ok);
        QCOMPARE(test::playIds(temp.database), ids);
    }

    void declinedOfferChangesNothing() {
        test::TempDatabase temp;
        test::addPlays(temp.database, 30);
        QVERIFY(DatabaseBackup(temp.database).backUp().ok());
        QVERIFY(test::zeroPagesAfterTheFirst(temp.database.path()));
        const DatabaseHealth health = checkDatabaseHealth(temp.database);

        BoxAnswerer answerer(QStringLiteral("Quit"));
        QVERIFY(!offerRestore(temp.database, health));
        QCOMPARE(answerer.texts.size(), 1);
        QVERIFY(!checkDatabaseHealth(temp.database).ok);  // still the damaged file, not moved
        QCOMPARE(QDir(temp.dir.path())
                     .entryList({QStringLiteral("*.before-restore-*")}, QDir::Files)
                     .size(),
                 0);
    }
};

QTEST_MAIN(TestRestoreOffer)
#include "tst_restoreoffer.moc"
