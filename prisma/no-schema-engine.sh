#!/bin/sh
# Prisma downloads a schema engine for every CLI command; `prisma generate` does not need it, so a no-op stands in.
exit 0
