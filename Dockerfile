# The Kvk host for docker-compose.yml. Build context: the repository root.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The build installs GraphiQL's files from npm (src/Graph/GraphiQL/) and publishes them beside the host.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/Graph/Kvk.Graph.csproj -c Release -o /app \
 && test -f /app/graphiql/graphiql.min.js

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Inside a container the host must listen on all interfaces, not only loopback.
ENV Urls=http://0.0.0.0:5080
EXPOSE 5080
ENTRYPOINT ["dotnet", "Kvk.Graph.dll"]
