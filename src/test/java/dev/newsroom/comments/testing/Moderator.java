package dev.newsroom.comments.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Requests made as the administrator that the test profile creates on first start. */
public final class Moderator {

    public static final String USERNAME = "admin";
    public static final String PASSWORD = "test-admin-password";

    private Moderator() {
    }

    public static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(USERNAME, PASSWORD);
    }

    public static void approve(String commentId) {
        asAdmin().post("/api/v1/moderation/comments/{id}/approve", commentId).then().statusCode(200);
    }

    public static String statusOf(String commentId) {
        return asAdmin().get("/api/v1/moderation/comments/{id}", commentId).then().statusCode(200)
                .extract().path("status");
    }
}
