//! Where each part of the screen goes, as a pure function of the terminal size,
//! so that drawing and mouse clicks agree.

use ratatui::layout::Rect;

/// The smallest terminal the explorer draws in; below it, a one-line message.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width the list and the detail pane sit side by side.
pub const WIDE: u16 = 100;

/// The main view's regions. A zero-sized rect is simply not drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub title: Rect,
    pub axis: Rect,
    /// The event list, its heading line included.
    pub list: Rect,
    pub detail: Rect,
    pub status: Rect,
    pub wide: bool,
}

impl Areas {
    /// Rows of the list that show events (below its heading).
    pub fn list_rows(&self) -> usize {
        usize::from(self.list.height.saturating_sub(1))
    }

    /// Whether the terminal is too small for anything but a message.
    pub fn too_small(area: Rect) -> bool {
        area.width < MIN_WIDTH || area.height < MIN_HEIGHT
    }
}

/// Lays out the main view for `area`, with `events` rows wanted in the list.
pub fn main(area: Rect, events: usize) -> Areas {
    if Areas::too_small(area) {
        return Areas::default();
    }
    let row = |y: u16, height: u16| Rect::new(area.x, area.y + y, area.width, height);
    let title = row(0, 1);
    let axis = row(1, 2);
    let status = row(area.height - 1, 1);
    let body_y = 3;
    let body_h = area.height - 4;
    let wide = area.width >= WIDE;
    let (list, detail) = if wide {
        // The list's titles are what a reader scans: three fifths of the
        // width, half from 160 columns, where the detail has room anyway.
        let list_w = if area.width >= 160 {
            area.width / 2
        } else {
            area.width * 3 / 5
        };
        (
            Rect::new(area.x, area.y + body_y, list_w, body_h),
            Rect::new(
                area.x + list_w,
                area.y + body_y,
                area.width - list_w,
                body_h,
            ),
        )
    } else {
        // Give the list every event if the detail pane keeps six rows.
        let want = u16::try_from(events + 1).unwrap_or(u16::MAX);
        let list_h = if body_h >= 12 {
            want.min(body_h - 6).max(3)
        } else {
            body_h.div_ceil(2)
        };
        (row(body_y, list_h), row(body_y + list_h, body_h - list_h))
    };
    Areas {
        title,
        axis,
        list,
        detail,
        status,
        wide,
    }
}

/// A box of at most `width`×`height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_80x24_terminal_lists_thirteen_events_above_the_detail() {
        let a = main(Rect::new(0, 0, 80, 24), 19);
        assert!(!a.wide);
        assert_eq!(a.list_rows(), 13);
        assert_eq!(a.detail.height, 6);
        assert_eq!(a.status.y, 23);
    }

    #[test]
    fn wide_terminals_split_sideways_and_tiny_ones_get_nothing() {
        let a = main(Rect::new(0, 0, 120, 40), 19);
        assert!(a.wide);
        assert_eq!(a.list.height, a.detail.height);
        assert_eq!(a.list.width + a.detail.width, 120);
        assert_eq!(main(Rect::new(0, 0, 39, 24), 19), Areas::default());
        let small = main(Rect::new(0, 0, 40, 10), 19);
        assert_eq!(small.list.height + small.detail.height, 6);
    }

    #[test]
    fn few_events_leave_the_rest_to_the_detail() {
        let a = main(Rect::new(0, 0, 80, 24), 2);
        assert_eq!(a.list_rows(), 2);
        assert_eq!(a.detail.height, 20 - 3);
    }
}
