//! Events said in both languages: [`Say`] for [`EventLine`] and
//! [`GroupLine`], English from [`event_en`](super::event_en), Korean from
//! [`event_ko`](super::event_ko).

use super::event::{EventLine, GroupLine};
use super::lang::Say;
use super::{event_en, event_ko};

impl Say for EventLine {
    fn en(&self) -> String {
        event_en::event(self)
    }

    fn ko(&self) -> String {
        event_ko::event(self)
    }
}

impl Say for GroupLine {
    fn en(&self) -> String {
        event_en::group(self)
    }

    fn ko(&self) -> String {
        event_ko::group(self)
    }
}
