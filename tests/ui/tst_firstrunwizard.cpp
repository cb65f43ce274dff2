// The first-run wizard: it cannot finish without a folder to scan, and it suggests ~/Music,
// else the demo library scripts/run makes, else nothing.

#include "firstrunwizard.h"
#include "uitestsupport.h"

#include <QAbstractButton>
#include <QDir>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>

using namespace encore;

namespace {

// A home of the test's own: no ~/Music, no XDG user folders, an empty data folder.
struct FreshHome {
    QTemporaryDir dir;
    QByteArray home = qgetenv("HOME");
    QByteArray config = qgetenv("XDG_CONFIG_HOME");
    QByteArray data = qgetenv("XDG_DATA_HOME");
    FreshHome() {
        qputenv("HOME", QFile::encodeName(dir.filePath(QStringLiteral("home"))));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.filePath(QStringLiteral("config"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(dir.filePath(QStringLiteral("data"))));
        QDir().mkpath(dir.filePath(QStringLiteral("home")));
    }
    ~FreshHome() {
        qputenv("HOME", home);
        qputenv("XDG_CONFIG_HOME", config);
        qputenv("XDG_DATA_HOME", data);
    }
    QString path(const QString& relative) const { return dir.filePath(relative); }
};

}  // namespace

class TestFirstRunWizard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { settings_ = std::make_unique<test::IsolatedSettings>(); }
    void cleanup() { settings_.reset(); }

    void cannotFinishWithoutAFolder() {
        FreshHome fresh;
        FirstRunWizard wizard;
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QVERIFY(wizard.folders().isEmpty());  // nothing to suggest in a fresh home
        QVERIFY(!wizard.currentPage()->isComplete());
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        bool said = false;
        for (const QLabel* label : wizard.currentPage()->findChildren<QLabel*>())
            said |= label->isVisible() && label->text().startsWith(QStringLiteral("Add at least"));
        QVERIFY2(said, "the page says why it cannot go on");
        QVERIFY(wizard.button(QWizard::CancelButton)->isEnabled());  // Skip stays possible

        wizard.setFolders({fresh.path(QStringLiteral("home"))});
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        wizard.next();
        QCOMPARE(wizard.currentId(), 1);
        QVERIFY(wizard.button(QWizard::FinishButton)->isVisible());
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());

        // Folders removed again: no finish either.
        wizard.setFolders({});
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
    }

    void suggestsMusicThenTheDemoLibrary() {
        FreshHome fresh;
        QCOMPARE(FirstRunWizard::suggestedFolder(), QString());

        const QString demo = fresh.path(QStringLiteral("data/Encore/demo-library"));
        QCOMPARE(FirstRunWizard::demoLibraryFolder(), demo);
        QVERIFY(QDir().mkpath(demo));
        QFile made(demo + QStringLiteral("/.encore-library.json"));
        QVERIFY(made.open(QIODevice::WriteOnly));
        made.close();
        QCOMPARE(FirstRunWizard().folders(), QStringList{demo});

        const QString music = fresh.path(QStringLiteral("home/Music"));
        QVERIFY(QDir().mkpath(music));
        FirstRunWizard wizard;
        QCOMPARE(wizard.folders(), QStringList{music});
        wizard.show();
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    }

private:
    std::unique_ptr<test::IsolatedSettings> settings_;
};

QTEST_MAIN(TestFirstRunWizard)
#include "tst_firstrunwizard.moc"
