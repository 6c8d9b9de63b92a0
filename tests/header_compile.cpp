// The public headers compile as C++ and link (extern "C" guards).
#include <medins.h>

int main()
{
    return medins_version()[0] == '\0';
}
