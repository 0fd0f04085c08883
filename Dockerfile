# Multi-stage build of the web app and the ujdb command line. The runtime image runs as the non-root user that the
# .NET images provide.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig UjDatabase.sln ./
COPY src/ src/
COPY seed-data/ seed-data/
COPY index-mappings/ index-mappings/
RUN dotnet publish src/UjDatabase.Web/UjDatabase.Web.csproj -c Release -o /app \
 && dotnet publish src/UjDatabase.Cli/UjDatabase.Cli.csproj -c Release -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# SqlClient needs culture data: the Ubuntu-based aspnet image carries ICU (Alpine and chiseled images do not, and
# switch globalization off), and the variable below makes sure nothing switches it off.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
    UJDB_DATA_DIR=/data
RUN mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["dotnet", "UjDatabase.Web.dll"]
