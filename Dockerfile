# syntax=docker/dockerfile:1
# Margin Grid host image: one process = Orleans silo + gRPC gateway (src/Grid.Host).
#   docker build -t margin-grid/grid-host:dev .
# See docs/operations.md ("Build the image").

ARG DOTNET_VERSION=10.0

# ---- build: restore (cached while no project file changes), then publish -----------------------
# The output is portable IL, so the SDK runs on the build machine's platform even for other targets.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src

COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Grid.Risk/Grid.Risk.csproj src/Grid.Risk/
COPY src/Grid.Abstractions/Grid.Abstractions.csproj src/Grid.Abstractions/
COPY src/Grid.Grains/Grid.Grains.csproj src/Grid.Grains/
COPY src/Grid.Gateway/Grid.Gateway.csproj src/Grid.Gateway/
COPY src/Grid.Console/Grid.Console.csproj src/Grid.Console/
COPY src/Grid.Host/Grid.Host.csproj src/Grid.Host/
RUN dotnet restore src/Grid.Host/Grid.Host.csproj

COPY protos/ protos/
COPY src/ src/
# English resources only: Orleans pulls in Roslyn, whose satellite assemblies would add 13 folders.
RUN dotnet publish src/Grid.Host/Grid.Host.csproj -c Release -o /app --no-restore \
      -p:UseAppHost=false -p:SatelliteResourceLanguages=en

# ---- runtime: ASP.NET Core runtime only, non-root, read-only friendly ----------------------------
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime

RUN groupadd --system --gid 10001 grid \
 && useradd --system --uid 10001 --gid grid --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin grid

WORKDIR /app
# Owned by root and not writable by the app user: the process cannot change its own binaries.
COPY --from=build /app ./

# The host binds its own ports (Grid:Host:*Port); the image's default ASPNETCORE_HTTP_PORTS=8080 is
# cleared so Kestrel does not warn about overridden addresses. In a container the ports must listen
# on every interface, not loopback.
ENV ASPNETCORE_HTTP_PORTS= \
    Grid__Host__LoopbackOnly=false

# Tiered JIT without its 100 ms delay (which restarts whenever a method runs for the first time): a silo
# that starts, or takes over a failed silo's accounts, runs the pre-trade path optimised within seconds
# instead of after ~30 s of load (docs/performance.md, "Warm-up"). Steady-state code is the same.
ENV DOTNET_TC_CallCountingDelayMs=0

# gRPC (HTTP/2 over TLS), HTTP/1.1 over TLS (health, metrics, dashboard, console), Orleans silo-to-silo, Orleans client gateway.
EXPOSE 5000 5001 11111 30000

# Numeric, so Kubernetes' runAsNonRoot can verify it. No HEALTHCHECK: the image has no curl and
# Kubernetes ignores it; the probes are in k8s/base/deployment.yaml.
USER 10001:10001

ENTRYPOINT ["dotnet", "Grid.Host.dll"]
