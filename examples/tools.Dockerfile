# Example Dockerfile that downloads a tool without verifying it.
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
ADD https://example.com/tool-1.2.3.tar.gz /opt/
RUN tar -xzf /opt/tool-1.2.3.tar.gz -C /opt

FROM debian:12-slim
COPY --from=build /opt/tool /usr/local/bin/tool
RUN pip install git+https://github.com/example/helper.git@main
