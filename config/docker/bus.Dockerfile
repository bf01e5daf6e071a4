# The bus node image of docker-compose.yml: the packaged jar (mvn -B -DskipTests package) and the
# native library of the broker client's journal (unused by a node on an external broker, kept so
# the same image also runs the embedded default).
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends libaio1 && rm -rf /var/lib/apt/lists/*
COPY app/target/bus-exec.jar /opt/bus/bus.jar
COPY app/target/native/lib/linux-x86_64/ /opt/bus/native/
ENV BUS_DATA_DIR=/var/lib/bus
WORKDIR /var/lib/bus
ENTRYPOINT ["java", "-Djava.library.path=/opt/bus/native", "-jar", "/opt/bus/bus.jar"]
