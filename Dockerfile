# Zhifa: one static binary (CGO off; SQLite is the pure-Go modernc driver) on
# a distroless base.
#
#   docker build -t zhifa .
#   docker run -p 8080:8080 -v zhifa-data:/data zhifa
#
# With no further settings `serve` runs the embedded Temporal engine and
# SQLite in /data (a single-box trial). For a real deployment set
# ZHIFA_DATABASE_URL, ZHIFA_TEMPORAL_ADDRESS and ZHIFA_TOKEN_SECRET; see
# docker-compose.yml. Needs BuildKit (the default builder since Docker 23).
#
# Both base images can be taken from a registry mirror, e.g. where Docker Hub
# or gcr.io cannot be reached:
#   docker build --build-arg GO_IMAGE=mirror.example/golang:1.26 \
#     --build-arg RUNTIME_IMAGE=mirror.example/distroless/static-debian13:nonroot .
ARG GO_IMAGE=golang:1.26
ARG RUNTIME_IMAGE=gcr.io/distroless/static-debian13:nonroot

# The build runs on the builder's own platform and cross-compiles (pure Go),
# so `docker buildx build --platform linux/amd64,linux/arm64 .` is fast.
FROM --platform=$BUILDPLATFORM ${GO_IMAGE} AS build
WORKDIR /src
ENV CGO_ENABLED=0 GOFLAGS=-mod=readonly

# Modules first, for the layer cache. go.mod replaces
# github.com/glebarez/go-sqlite with ./internal/sqliteshim, whose go.mod must
# be there before the module graph can be read.
COPY go.mod go.sum ./
COPY internal/sqliteshim/go.mod internal/sqliteshim/go.mod
RUN --mount=type=cache,target=/go/pkg/mod go mod download

# Then the whole repository (.dockerignore keeps data, .git and databases out).
COPY . .
ARG TARGETOS TARGETARCH
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    GOOS=$TARGETOS GOARCH=$TARGETARCH CGO_ENABLED=0 \
    go build -trimpath -ldflags "-s -w" -o /zhifa ./cmd/zhifa

# An empty /data owned by the runtime user (distroless has no shell to mkdir).
RUN mkdir -p /out/data

# static-debian13: CA certificates, tzdata (Asia/Shanghai for the calendar)
# and /etc/passwd with the nonroot user (65532); no shell, no package manager.
FROM ${RUNTIME_IMAGE}
COPY --from=build /zhifa /zhifa
COPY --from=build --chown=65532:65532 /out/data /data
ENV ZHIFA_DATA_DIR=/data \
    ZHIFA_HTTP_ADDR=:8080
VOLUME ["/data"]
EXPOSE 8080
USER 65532:65532
ENTRYPOINT ["/zhifa"]
CMD ["serve"]
