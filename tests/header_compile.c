/* The public headers compile on their own as strict C11 (-std=c11 -pedantic -Werror). */
#include <medins.h>

int main(void)
{
    /* Link against one symbol so the test also proves the library exports it. */
    return medins_version()[0] == '\0';
}
