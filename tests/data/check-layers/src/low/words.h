// Fixture: a file of the lower stage.
#pragma once
