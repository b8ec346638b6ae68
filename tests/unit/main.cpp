// The one doctest main; every other file in tests/unit/ holds the tests of one area.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
