"""Every action of the main window in one place: object names, texts, shortcuts, icons."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar, QWidget

from desktop_app.core.exporters.formats import EXPORT_FORMATS
from desktop_app.core.records import LaneMode
from desktop_app.gui.props import made
from desktop_app.gui.theme import ThemeChoice

_SK = QKeySequence.StandardKey
Choice = TypeVar("Choice", LaneMode, ThemeChoice)
_SP = QStyle.StandardPixmap


class Need(Enum):
    """What an action needs to be enabled."""

    PROJECT = "an open project"
    CHANGES = "a project this user may change"


class Actions:
    """Actions are created here; menus and toolbars only place them, tests trigger them by name."""

    def __init__(self, parent: QWidget) -> None:
        style = parent.style()

        def make(name: str, text: str, shortcuts: list[str | _SK] | None = None, tip: str = "",
                 icon: _SP | None = None) -> QAction:
            action = QAction(text, parent)
            action.setObjectName(name)
            if shortcuts:
                # A standard key that is also spelled out (Quit is Ctrl+Q here) must not be
                # set twice: Qt then calls the shortcut ambiguous and runs neither.
                keys: dict[str, QKeySequence] = {}
                for s in shortcuts:
                    for seq in (QKeySequence.keyBindings(s) if isinstance(s, _SK)
                                else [QKeySequence(s)]):
                        keys.setdefault(seq.toString(), seq)
                action.setShortcuts(list(keys.values()))
            if tip:
                action.setStatusTip(tip)
                action.setToolTip(tip)
            if icon is not None:
                action.setIcon(style.standardIcon(icon))
            parent.addAction(action)
            return action

        self.new_project = make("actionNewProject", parent.tr("&New Project…"), [_SK.New],
                                parent.tr("Create a new, empty project file"), _SP.SP_FileIcon)
        self.open_project = make("actionOpenProject", parent.tr("&Open Project…"),
                                 ["Ctrl+Shift+O"], parent.tr("Open an existing project file"),
                                 _SP.SP_DirOpenIcon)
        self.connect_team = make("actionConnectTeam", parent.tr("Connect to &Team Project…"),
                                 [], parent.tr("Open a team project on a PostgreSQL server"))
        self.your_name = make("actionYourName", parent.tr("Your &Name…"), [],
                              parent.tr("The name your changes are shown under (History, "
                                        "inspector, exports)"))
        self.import_article = make("actionImportArticle", parent.tr("&Import Articles…"),
                                   ["Ctrl+O"],
                                   parent.tr("Import .txt, .md or .html articles (Ctrl+O)"),
                                   _SP.SP_FileDialogNewFolder)
        self.import_folder = make("actionImportFolder", parent.tr("Import &Folder…"),
                                  ["Ctrl+Alt+O"], parent.tr("Import every article in a folder"))
        self.paste_article = make("actionPasteArticle", parent.tr("&Paste as New Article"),
                                  ["Ctrl+Shift+V"],
                                  parent.tr("Create an article from the clipboard's text"),
                                  _SP.SP_FileDialogDetailedView)
        self.import_csv = make("actionImportCsv", parent.tr("Import Timeline &CSV…"),
                               ["Ctrl+Shift+I"],
                               parent.tr("Update and add events from a CSV file (preview first)"))
        self.import_annotations = make("actionImportAnnotations",
                                       parent.tr("Import &Annotations (JSON-LD)…"), [],
                                       parent.tr("Create events from W3C Web Annotations"))
        self.export_csv = make("actionExportCsv", parent.tr("&Export Timeline as CSV…"),
                               ["Ctrl+Shift+S"], parent.tr("Export the timeline as CSV"),
                               _SP.SP_DialogSaveButton)
        self.export_formats: dict[str, QAction] = {}
        for fmt in EXPORT_FORMATS:  # the one list of formats (CSV has its own item above)
            if fmt.menu:
                name = "actionExport" + "".join(w.title()
                                                for w in fmt.key.replace("-", " ").split())
                self.export_formats[fmt.key] = make(name, parent.tr(fmt.menu),
                                                    tip=parent.tr("Export the timeline as %s")
                                                    % fmt.name)
        self.backup_project = make("actionBackupProject", parent.tr("&Back Up Project…"),
                                   [], parent.tr("Save a consistent copy of the open project"))
        self.quit = make("actionQuit", parent.tr("&Quit"), [_SK.Quit, "Ctrl+Q"])
        self.create_event = make("actionCreateEvent", parent.tr("&Create Event from Selection"),
                                 ["Ctrl+E"],
                                 parent.tr("Make an event from the selected passage (Ctrl+E)"),
                                 _SP.SP_DialogApplyButton)
        self.delete_event = make("actionDeleteEvent", parent.tr("&Delete Event"), [_SK.Delete],
                                 parent.tr("Delete the selected event (Delete)"),
                                 _SP.SP_TrashIcon)
        self.article_properties = make("actionArticleProperties",
                                       parent.tr("Article &Properties…"), ["Alt+Return"],
                                       parent.tr("Edit title, outlet, URL, author and "
                                                 "publication date"),
                                       _SP.SP_FileDialogInfoView)
        self.suggest_events = make("actionSuggestEvents", parent.tr("&Suggest Events…"),
                                   ["Ctrl+Shift+G"],
                                   parent.tr("Propose one event per dated sentence not on the "
                                             "timeline yet"), _SP.SP_FileDialogContentsView)
        self.next_unused = make("actionNextUnusedPassage", parent.tr("&Next Unused Dated Passage"),
                                ["F8"], parent.tr("Select the next dated sentence that no event "
                                                  "quotes yet (F8)"))
        self.previous_unused = make("actionPreviousUnusedPassage",
                                    parent.tr("Pre&vious Unused Dated Passage"), ["Shift+F8"])
        self.next_reading = make("actionNextDateReading", parent.tr("Next Date &Reading"),
                                 ["Alt+Down"], parent.tr("Use the next plausible reading of the "
                                                         "event's date expression"))
        self.previous_reading = make("actionPreviousDateReading",
                                     parent.tr("Previous Date Readin&g"), ["Alt+Up"])
        self.about = make("actionAbout", parent.tr("&About Timeline Annotator"))
        self.quick_guide = make("actionQuickGuide", parent.tr("&Quick Guide"),
                                [_SK.HelpContents, "F1"],
                                parent.tr("How to use Timeline Annotator, in five minutes"))
        self.keyboard_shortcuts = make("actionKeyboardShortcuts",
                                       parent.tr("&Keyboard Shortcuts"), ["Ctrl+F1"],
                                       parent.tr("Every shortcut of the window, by menu"))
        self.add_source = make("actionAddSource", parent.tr("Add Selection as &Source"),
                               ["Ctrl+Shift+E"],
                               parent.tr("Add the selected passage as another source of the "
                                         "selected event (Ctrl+Shift+E)"))
        self.merge_events = make("actionMergeEvents", parent.tr("&Merge Events…"),
                                 ["Ctrl+Shift+M"],
                                 parent.tr("Merge the selected events into one, keeping every "
                                           "source, tag and note"))
        self.tag_events = make("actionTagEvents", parent.tr("&Tag Selected Events…"), ["Ctrl+T"],
                               parent.tr("Add or remove tags on every selected event"))
        self.tag_colours = make("actionTagColours", parent.tr("Tag &Colours…"), [],
                                parent.tr("Choose the colour of each tag"))
        self.delete_article = make("actionDeleteArticle", parent.tr("&Delete Article…"),
                                   ["Ctrl+Shift+Del"],
                                   parent.tr("Delete the shown article and decide what happens "
                                             "to its events"))
        self.show_history = make("actionShowHistory", parent.tr("&History"), ["Ctrl+H"],
                                 parent.tr("Show every change, to undo back to any point"))
        self.show_history.setCheckable(True)
        self.find_events = make("actionFilter", parent.tr("&Filter Timeline…"), [_SK.Find],
                                parent.tr("Filter the timeline by text, tag, article, date or "
                                          "conflicting dates (Ctrl+F)"))
        self.search_articles = make("actionSearchArticles", parent.tr("&Search Articles…"),
                                    ["Ctrl+Shift+F"],
                                    parent.tr("Full-text search across every article"))
        self.export_chart = make("actionExportChart", parent.tr("Export C&hart…"),
                                 ["Ctrl+Shift+P"],
                                 parent.tr("Save the chart as PNG, SVG or PDF"))
        self.show_table = make("actionShowTable", parent.tr("&Table"), ["Ctrl+1"],
                               parent.tr("Show the timeline as a table"))
        self.show_chart = make("actionShowChart", parent.tr("C&hart"), ["Ctrl+2"],
                               parent.tr("Show the timeline as a chart"))
        self.zoom_in = make("actionZoomIn", parent.tr("Zoom &In"), [_SK.ZoomIn, "Ctrl+="],
                            parent.tr("Zoom the chart in"))
        self.zoom_out = make("actionZoomOut", parent.tr("Zoom &Out"), [_SK.ZoomOut],
                             parent.tr("Zoom the chart out"))
        self.fit_all = make("actionFitAll", parent.tr("&Fit All"), ["Ctrl+0"],
                            parent.tr("Show every event in the chart"))
        self.fit_selection = make("actionFitSelection", parent.tr("Fit &Selection"),
                                  ["Ctrl+Shift+0"], parent.tr("Zoom the chart to the selection"))
        self.focus_chart = make("actionFocusChart", parent.tr("F&ocus Chart"), ["F11"],
                                parent.tr("The chart alone in the window, for presenting "
                                          "(F11 again: back)"))
        self.focus_chart.setCheckable(True)
        self.colour_by_tag = make("actionColourByTag", parent.tr("&Colour by Tag"))
        self.colour_by_tag.setCheckable(True)
        self.show_published = make("actionShowPublished", parent.tr("Show &Publication Dates"))
        self.show_published.setCheckable(True)
        self.show_published.setChecked(True)
        def one_of(prefix: str, choices: list[tuple[Choice, str]]) -> dict[Choice, QAction]:
            """Checkable actions of which one is checked at a time (the first at first)."""
            group, out = QActionGroup(parent), {}
            for choice, label in choices:
                action = make(prefix + choice.value.title(), parent.tr(label))
                action.setCheckable(True)
                group.addAction(action)
                out[choice] = action
            out[choices[0][0]].setChecked(True)
            return out

        self.lane_modes: dict[LaneMode, QAction] = one_of("actionLanes", [
            (LaneMode.ARTICLE, "Lanes by &Article"), (LaneMode.TAG, "Lanes by Ta&g"),
            (LaneMode.SINGLE, "&Single Lane")])
        self.themes: dict[ThemeChoice, QAction] = one_of("actionTheme", [
            (ThemeChoice.SYSTEM, "&Desktop's Colours"), (ThemeChoice.LIGHT, "&Light"),
            (ThemeChoice.DARK, "Dar&k")])
        # What each action needs, in one table: the window enables actions from it alone.
        changes = [self.import_article, self.import_folder, self.paste_article,
                   self.import_csv, self.import_annotations, self.create_event,
                   self.add_source, self.delete_event, self.merge_events, self.tag_events,
                   self.tag_colours, self.article_properties, self.delete_article,
                   self.suggest_events, self.next_reading, self.previous_reading]
        self.needs: dict[Need, list[QAction]] = {
            Need.CHANGES: changes,
            Need.PROJECT: [self.new_project, self.open_project, self.connect_team,
                           self.your_name, self.export_csv, self.backup_project,
                           self.next_unused, self.previous_unused, self.export_chart,
                           self.find_events, self.search_articles,
                           *self.export_formats.values()],
        }

    def place(self, window: QMainWindow, undo: QAction, redo: QAction) -> QMenu:
        """Put the actions in the menu bar and the toolbar; return the Open Recent menu."""
        file_menu = window.menuBar().addMenu(window.tr("&File"))
        file_menu.addActions([self.new_project, self.open_project, self.connect_team])
        recent = file_menu.addMenu(window.tr("Open &Recent"))
        recent.setObjectName("menuRecent")
        file_menu.addSeparator()
        file_menu.addActions([self.import_article, self.import_folder, self.paste_article,
                              self.import_csv,
                              self.import_annotations])
        file_menu.addSeparator()
        file_menu.addAction(self.export_csv)
        export_as = file_menu.addMenu(window.tr("Export &As"))
        export_as.setObjectName("menuExportAs")
        export_as.addActions(list(self.export_formats.values()))
        file_menu.addAction(self.export_chart)
        file_menu.addAction(self.backup_project)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = window.menuBar().addMenu(window.tr("&Edit"))
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.create_event, self.add_source, self.delete_event,
                              self.merge_events])
        edit_menu.addSeparator()
        edit_menu.addActions([self.tag_events, self.tag_colours])
        edit_menu.addSeparator()
        edit_menu.addActions([self.previous_reading, self.next_reading])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_events, self.search_articles])
        edit_menu.addSeparator()
        edit_menu.addAction(self.show_history)
        edit_menu.addSeparator()
        edit_menu.addAction(self.your_name)
        view_menu = window.menuBar().addMenu(window.tr("&View"))
        view_menu.setObjectName("menuView")
        view_menu.addActions([self.show_table, self.show_chart, self.focus_chart])
        view_menu.addSeparator()
        view_menu.addActions([self.zoom_in, self.zoom_out, self.fit_all, self.fit_selection])
        view_menu.addSeparator()
        view_menu.addActions(list(self.lane_modes.values()))
        view_menu.addSeparator()
        view_menu.addActions([self.colour_by_tag, self.show_published])
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu(window.tr("&Theme"))
        theme_menu.setObjectName("menuTheme")
        theme_menu.addActions(list(self.themes.values()))
        article_menu = window.menuBar().addMenu(window.tr("&Article"))
        article_menu.addActions([self.article_properties, self.suggest_events,
                                 self.delete_article])
        article_menu.addSeparator()
        article_menu.addActions([self.next_unused, self.previous_unused])
        help_menu = window.menuBar().addMenu(window.tr("&Help"))
        help_menu.addAction(self.quick_guide)
        help_menu.addAction(self.keyboard_shortcuts)
        help_menu.addAction(self.about)
        toolbar = made(QToolBar(window.tr("Main")), objectName="mainToolBar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # Short words on the toolbar; the menus and the tooltips keep the whole names.
        for action, short in ((self.import_article, window.tr("Import")),
                              (self.paste_article, window.tr("Paste")),
                              (self.create_event, window.tr("Create Event")),
                              (self.delete_event, window.tr("Delete")),
                              (self.suggest_events, window.tr("Suggest")),
                              (self.export_csv, window.tr("Export CSV"))):
            full = action.text().replace("&", "").rstrip("…")
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setIconText(short)
            action.setToolTip("\n".join(part for part in (
                f"{full} ({keys})" if keys else full, action.statusTip()) if part))
        for group in ([self.import_article, self.paste_article],
                      [self.create_event, self.delete_event, self.suggest_events], [undo, redo],
                      [self.export_csv]):
            if toolbar.actions():
                toolbar.addSeparator()
            toolbar.addActions(group)
        window.addToolBar(toolbar)
        return recent
