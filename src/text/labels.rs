//! The macro that defines a set of fixed texts: an enum of labels, each
//! with its English and its Korean side by side, and `en`, `ko`, `say` and
//! `ALL` (for tests that walk them all). A label without both texts does
//! not compile.

/// Defines a label enum: `Name { /// doc  Variant => "English", "한국어"; … }`.
macro_rules! labels {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$doc:meta])* $variant:ident => $en:expr, $ko:expr; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $( $(#[$doc])* $variant, )*
        }

        impl $name {
            /// Every label, for tests that walk them all.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// In English.
            #[must_use]
            pub fn en(self) -> &'static str {
                match self {
                    $($name::$variant => $en,)*
                }
            }

            /// In Korean.
            #[must_use]
            pub fn ko(self) -> &'static str {
                match self {
                    $($name::$variant => $ko,)*
                }
            }

            /// In `lang`.
            #[must_use]
            pub fn say(self, lang: $crate::text::lang::Lang) -> &'static str {
                match lang {
                    $crate::text::lang::Lang::En => self.en(),
                    $crate::text::lang::Lang::Ko => self.ko(),
                }
            }
        }
    };
}

pub(crate) use labels;
