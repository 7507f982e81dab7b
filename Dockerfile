# Build: the production Vaadin bundle and the Spring Boot jar
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline -Pproduction
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN ./mvnw -B -Pproduction package -DskipTests

# Run
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /app loopkeeper
WORKDIR /app
COPY --from=build /src/target/loopkeeper-*.jar app.jar
USER loopkeeper
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
